package io.coralbank.bench;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one step of the HTTP load came to, and its line in the printed table: rates, latency
 * percentiles, errors by kind, the CPU each answered request cost the server, the generator,
 * PostgreSQL and the rest of the machine ({@link CpuMeter.Cost}), and the write-ahead log each
 * request wrote ({@link WalMeter}).
 */
record LoadReport(
    String scenario,
    double offered,
    double achieved,
    Map<String, Long> errors,
    Histogram latencies,
    Histogram firstHalf,
    Histogram secondHalf,
    CpuMeter.Cost cost,
    double walKilobytesPerRequest) {

  /**
   * How much later the median request of a step's second half may be answered than that of its
   * first half before the step counts as a growing queue. Offered past what the server keeps up
   * with, the queue grows for the whole step, and the medians of two 5-second halves drift apart by
   * 5 s times the excess: this bound catches an excess of about 2%. A stall of a few hundred
   * milliseconds, which a server that keeps up also has, moves a median of thousands of requests
   * far less.
   */
  private static final long QUEUE_GROWTH_MICROSECONDS = 100_000;

  /**
   * Answered in full and without errors, with p99 under a second, and not a growing queue (the
   * median of the second half within {@value #QUEUE_GROWTH_MICROSECONDS} µs of the first's).
   */
  boolean sustained() {
    return errors.isEmpty()
        && achieved >= offered * 0.99
        && latencies.getValueAtPercentile(99) < 1_000_000
        && !queueGrew();
  }

  boolean queueGrew() {
    return secondHalf.getValueAtPercentile(50) - firstHalf.getValueAtPercentile(50)
        > QUEUE_GROWTH_MICROSECONDS;
  }

  static void printHeader() {
    System.out.printf(
        Locale.ROOT,
        "%-8s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s  %s%n",
        "scenario",
        "offered/s",
        "done/s",
        "p50 ms",
        "p90 ms",
        "p99 ms",
        "p99.9 ms",
        "server ms",
        "load ms",
        "PG ms",
        "other ms",
        "WAL KB",
        "errors");
    System.out.printf(
        Locale.ROOT,
        "%-8s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "cpu/req",
        "cpu/req",
        "cpu/req",
        "cpu/req",
        "/req");
  }

  void print() {
    System.out.printf(
        Locale.ROOT,
        "%-8s %9.0f %9.0f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f  %s%n",
        scenario,
        offered,
        achieved,
        latencies.getValueAtPercentile(50) / 1000.0,
        latencies.getValueAtPercentile(90) / 1000.0,
        latencies.getValueAtPercentile(99) / 1000.0,
        latencies.getValueAtPercentile(99.9) / 1000.0,
        cost.serverMillis(),
        cost.generatorMillis(),
        cost.databaseMillis(),
        cost.otherMillis(),
        walKilobytesPerRequest,
        (errors.isEmpty() ? "none" : errors)
            + (queueGrew()
                ? "; queue grew: p50 %.0f ms in the first half, %.0f ms in the second"
                    .formatted(
                        firstHalf.getValueAtPercentile(50) / 1000.0,
                        secondHalf.getValueAtPercentile(50) / 1000.0)
                : ""));
  }
}
