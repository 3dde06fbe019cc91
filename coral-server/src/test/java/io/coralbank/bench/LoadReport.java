package io.coralbank.bench;

import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one step of the HTTP load came to, and its line in the printed table: rates, latency
 * percentiles, errors by kind, and the CPU each answered request cost the server, the generator,
 * PostgreSQL and the rest of the machine ({@link CpuMeter.Cost}).
 */
record LoadReport(
    String scenario,
    double offered,
    double achieved,
    Map<String, Long> errors,
    Histogram latencies,
    CpuMeter.Cost cost) {

  /** Answered in full and without errors, and not queueing: p99 under a second. */
  boolean sustained() {
    return errors.isEmpty()
        && achieved >= offered * 0.99
        && latencies.getValueAtPercentile(99) < 1_000_000;
  }

  static void printHeader() {
    System.out.printf(
        Locale.ROOT,
        "%-8s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s  %s%n",
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
        "errors");
    System.out.printf(
        Locale.ROOT,
        "%-8s %9s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n",
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
        "cpu/req");
  }

  void print() {
    System.out.printf(
        Locale.ROOT,
        "%-8s %9.0f %9.0f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f %9.2f  %s%n",
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
        errors.isEmpty() ? "none" : errors);
  }
}
