package io.coralbank.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the CPU time used so far by the server's process, by this JVM (the load generator) and by
 * the embedded PostgreSQL server, so that a measured step can say what each request cost the
 * machine, not only how fast it was answered. On two shared cores CPU is what bounds the rates, and
 * a per-request cost is steadier from run to run than a maximum rate.
 *
 * <p>PostgreSQL's time is the postmaster's and its children's (the connections' backends, the
 * writers, the checkpointer), as the operating system counts it: the children alive at the reading,
 * and those that exited before it, whose time the kernel adds to the postmaster's reaped-children
 * account when the postmaster collects them. Until 2026-12-06 only the living were counted, so a
 * backend that exited during a step took its time with it and a step could read negative. Where the
 * operating system does not report a process's time, or the database is not the embedded one, that
 * share is unknown and printed as such.
 */
final class CpuMeter {

  /**
   * CPU time used so far, in nanoseconds; negative where unknown. {@code machineNanos} is every
   * core's busy time, whoever used it.
   */
  record Reading(long serverNanos, long generatorNanos, long databaseNanos, long machineNanos) {

    /** Milliseconds of CPU per request between {@code earlier} and this reading. */
    Cost perRequestSince(Reading earlier, long requests) {
      if (requests <= 0) {
        return Cost.UNKNOWN;
      }
      double server = millisEach(earlier.serverNanos, serverNanos, requests);
      double generator = millisEach(earlier.generatorNanos, generatorNanos, requests);
      double database = millisEach(earlier.databaseNanos, databaseNanos, requests);
      double machine = millisEach(earlier.machineNanos, machineNanos, requests);
      return new Cost(server, generator, database, machine - server - generator - database);
    }

    private static double millisEach(long before, long after, long requests) {
      return before < 0 || after < 0 ? Double.NaN : (after - before) / 1e6 / requests;
    }
  }

  /**
   * Milliseconds of CPU per request: the server's, the generator's, PostgreSQL's, and everything
   * else the machine was busy with meanwhile ({@code otherMillis}): the kernel's own threads and
   * interrupts (the loopback network's packets among them) and any other process.
   */
  record Cost(
      double serverMillis, double generatorMillis, double databaseMillis, double otherMillis) {
    static final Cost UNKNOWN = new Cost(Double.NaN, Double.NaN, Double.NaN, Double.NaN);
  }

  private final ProcessHandle server;
  private final ProcessHandle postmaster;

  private CpuMeter(ProcessHandle server, ProcessHandle postmaster) {
    this.server = server;
    this.postmaster = postmaster;
  }

  /**
   * A meter for the {@code server} process, this JVM and the PostgreSQL server whose data directory
   * is {@code dataDirectory}: the first line of its {@code postmaster.pid} names the postmaster.
   */
  static CpuMeter forServerAndDatabaseIn(ProcessHandle server, Path dataDirectory) {
    ProcessHandle postmaster = null;
    try {
      String first =
          Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.US_ASCII)
              .getFirst()
              .strip();
      postmaster = ProcessHandle.of(Long.parseLong(first)).orElse(null);
    } catch (IOException | RuntimeException notEmbedded) {
      // An external database, or a system that does not say: the database's share is unknown.
    }
    return new CpuMeter(server, postmaster);
  }

  Reading read() {
    long database = -1;
    if (postmaster != null && postmaster.isAlive()) {
      long postmasterTime = ownAndReapedChildrenNanos(postmaster.pid());
      if (postmasterTime >= 0) {
        database =
            postmasterTime
                + postmaster
                    .descendants()
                    .mapToLong(CpuMeter::cpuNanos)
                    .filter(nanos -> nanos >= 0)
                    .sum();
      }
    }
    return new Reading(
        cpuNanos(server), cpuNanos(ProcessHandle.current()), database, machineBusyNanos());
  }

  /**
   * Every core's busy time since boot, from the first line of {@code /proc/stat}: user, nice,
   * system, irq and softirq, in clock ticks of 10 ms (the kernel's USER_HZ, 100 on every Linux).
   * Idle, I/O wait and time stolen by the hypervisor are not busy. Unknown elsewhere than Linux.
   */
  private static long machineBusyNanos() {
    try {
      String[] fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().split("\\s+");
      long ticks = 0;
      for (int field : new int[] {1, 2, 3, 6, 7}) {
        ticks += Long.parseLong(fields[field]);
      }
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException notLinux) {
      return -1;
    }
  }

  /**
   * A process's own CPU time and that of its children that have exited and been collected, from
   * {@code /proc/<pid>/stat} (utime, stime, cutime and cstime, in ticks of 10 ms); -1 elsewhere
   * than Linux.
   */
  private static long ownAndReapedChildrenNanos(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // The command name, in parentheses, may hold spaces; the numbered fields follow it.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = 0;
      for (int field = 14; field <= 17; field++) {
        ticks += Long.parseLong(fields[field - 3]);
      }
      return ticks * 10_000_000L;
    } catch (IOException | RuntimeException notLinux) {
      return -1;
    }
  }

  private static long cpuNanos(ProcessHandle process) {
    Optional<Duration> total = process.info().totalCpuDuration();
    return total.map(Duration::toNanos).orElse(-1L);
  }
}
