package io.coralbank.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A measured step second by second, asked for with {@code --timeline}: for the requests due in each
 * second, their latency; and beside it what the machine and the database were doing in that second
 * (CPU of each process, what PostgreSQL's busy backends were waiting on, how much file data the
 * kernel held unwritten, whether a checkpoint or an autovacuum was running). A step's p99 says how
 * long the tail is; this says when it happened and next to what, which is what a tail's cause is
 * found by: a tail spread over every second is queueing, one packed into a few seconds is an event.
 *
 * <p>The database is sampled ten times a second from {@code pg_stat_activity} on a connection of
 * its own, a query of well under a millisecond; the sampling is left out of ordinary runs all the
 * same, so that their figures are not the sampler's.
 */
final class LoadTimeline implements AutoCloseable {

  private static final int SAMPLES_PER_SECOND = 10;
  private static final Path MEMORY_INFORMATION = Path.of("/proc/meminfo");

  private final long startNanos;
  private final Instant startInstant;
  private final Second[] seconds;
  private final CpuMeter cpu;
  private final CpuMeter.Reading initial;
  private final Thread sampler;

  /** One second of the step: the latencies of the requests due in it, and what the sampler saw. */
  private static final class Second {
    final Histogram latencies = new ConcurrentHistogram(3);
    CpuMeter.Reading cpuAtEnd;
    int samples;
    int activeBackends;
    final Map<String, Integer> waits = new TreeMap<>();
    boolean checkpoint;
    boolean autovacuum;
    long mostDirtyKilobytes = -1;
    long mostWritebackKilobytes = -1;
  }

  /**
   * Starts watching a step of {@code secondCount} seconds that starts at {@code startNanos}; the
   * CPU reading {@code initial} is the one taken when the step started.
   */
  LoadTimeline(
      long startNanos,
      int secondCount,
      CpuMeter cpu,
      CpuMeter.Reading initial,
      String databaseUrl) {
    this.startNanos = startNanos;
    this.startInstant = Instant.now().minusNanos(System.nanoTime() - startNanos);
    this.initial = initial;
    this.seconds = new Second[secondCount];
    for (int second = 0; second < secondCount; second++) {
      seconds[second] = new Second();
    }
    this.cpu = cpu;
    this.sampler =
        Thread.ofPlatform().daemon().name("timeline-sampler").start(() -> sample(databaseUrl));
  }

  /** Records the latency of a request that was due at {@code dueNanos}. */
  void record(long dueNanos, long latencyMicros) {
    int second = (int) ((dueNanos - startNanos) / 1_000_000_000L);
    if (second >= 0 && second < seconds.length) {
      seconds[second].latencies.recordValue(latencyMicros);
    }
  }

  private void sample(String databaseUrl) {
    try (Connection connection = DriverManager.getConnection(databaseUrl);
        Statement statement = connection.createStatement()) {
      for (int second = 0; second < seconds.length; second++) {
        Second now = seconds[second];
        for (int sample = 0; sample < SAMPLES_PER_SECOND; sample++) {
          long due =
              startNanos
                  + second * 1_000_000_000L
                  + (sample + 1) * (1_000_000_000L / SAMPLES_PER_SECOND);
          long wait = due - System.nanoTime();
          if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
          }
          synchronized (now) {
            readActivity(statement, now);
            readPageCache(now);
          }
        }
        synchronized (now) {
          now.cpuAtEnd = cpu.read();
        }
      }
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } catch (SQLException unavailable) {
      System.out.println("  (timeline: the database could not be sampled: " + unavailable + ")");
    }
  }

  private static void readActivity(Statement statement, Second now) throws SQLException {
    now.samples++;
    try (ResultSet rows =
        statement.executeQuery(
            "select backend_type, state, wait_event_type, wait_event from pg_stat_activity"
                + " where pid <> pg_backend_pid()")) {
      while (rows.next()) {
        String type = rows.getString(1);
        String waitEvent = rows.getString(4);
        switch (type) {
          // The checkpointer waits on CheckpointerMain while idle, on anything else while working.
          case "checkpointer" -> now.checkpoint |= !"CheckpointerMain".equals(waitEvent);
          case "autovacuum worker" -> now.autovacuum = true;
          case "client backend" -> {
            if ("active".equals(rows.getString(2))) {
              now.activeBackends++;
              String waitType = rows.getString(3);
              if (waitType != null) {
                now.waits.merge(waitType + ":" + waitEvent, 1, Integer::sum);
              }
            }
          }
          default -> {}
        }
      }
    }
  }

  /**
   * Notes the most file data the kernel held unwritten (Dirty) and was writing out (Writeback) in
   * the second, from {@code /proc/meminfo}: PostgreSQL writes its data files through the page
   * cache, and the kernel's writeback of them shares the disk with the WAL's flushes, which every
   * commit waits for. Elsewhere than on Linux the columns stay empty.
   */
  private static void readPageCache(Second now) {
    try {
      for (String line : Files.readAllLines(MEMORY_INFORMATION)) {
        if (line.startsWith("Dirty:")) {
          now.mostDirtyKilobytes = Math.max(now.mostDirtyKilobytes, kilobytes(line));
        } else if (line.startsWith("Writeback:")) {
          now.mostWritebackKilobytes = Math.max(now.mostWritebackKilobytes, kilobytes(line));
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      // The columns stay empty.
    }
  }

  private static long kilobytes(String memoryInformationLine) {
    return Long.parseLong(memoryInformationLine.replaceAll("[^0-9]", ""));
  }

  /** Prints one line per second of the step; waits for the sampler to finish its last second. */
  void print() throws InterruptedException {
    sampler.join(TimeUnit.SECONDS.toMillis(5));
    // The wall-clock start lets a second be matched with other records of the machine, such as a
    // collector's log or a disk's statistics.
    System.out.printf(
        Locale.ROOT,
        "    second 0 began at %s UTC%n",
        DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC).format(startInstant));
    System.out.printf(
        Locale.ROOT,
        "    %3s %7s %8s %8s %8s  %-21s %6s %-13s  %s%n",
        "s",
        "sent",
        "p50 ms",
        "p99 ms",
        "max ms",
        "CPU% srv/gen/PG/other",
        "PG act",
        "dirty/wb MB",
        "PG busy backends' waits per sample; checkpoint, autovacuum");
    CpuMeter.Reading previous = initial;
    for (int second = 0; second < seconds.length; second++) {
      Second now = seconds[second];
      Histogram latency = now.latencies;
      synchronized (now) {
        String cpuShares = "";
        if (now.cpuAtEnd != null && previous != null) {
          CpuMeter.Cost cost = now.cpuAtEnd.perRequestSince(previous, 1);
          // Milliseconds of CPU over one second: per cent of one core.
          cpuShares =
              String.format(
                  Locale.ROOT,
                  "%3.0f/%3.0f/%3.0f/%3.0f",
                  cost.serverMillis() / 10,
                  cost.generatorMillis() / 10,
                  cost.databaseMillis() / 10,
                  cost.otherMillis() / 10);
          previous = now.cpuAtEnd;
        }
        int samples = Math.max(1, now.samples);
        String waits =
            now.waits.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(4)
                .map(
                    wait ->
                        String.format(
                            Locale.ROOT,
                            "%s %.1f",
                            wait.getKey(),
                            wait.getValue() / (double) samples))
                .collect(Collectors.joining(", "));
        System.out.printf(
            Locale.ROOT,
            "    %3d %7d %8.2f %8.2f %8.2f  %-21s %6.1f %-13s  %s%s%s%n",
            second,
            latency.getTotalCount(),
            latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0,
            latency.getMaxValue() / 1000.0,
            cpuShares,
            now.activeBackends / (double) samples,
            now.mostDirtyKilobytes < 0
                ? ""
                : (now.mostDirtyKilobytes / 1024) + "/" + (now.mostWritebackKilobytes / 1024),
            waits,
            now.checkpoint ? "; CHECKPOINT" : "",
            now.autovacuum ? "; AUTOVACUUM" : "");
      }
    }
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
