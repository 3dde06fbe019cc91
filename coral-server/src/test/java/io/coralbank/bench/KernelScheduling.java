package io.coralbank.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one kernel setting that changes how the measured programs share the two cores, read so that
 * every benchmark's report says which way it ran.
 *
 * <p>With Linux's autogroup scheduling on ({@code kernel.sched_autogroup_enabled=1}), the kernel
 * shares the cores first between sessions and only then between the threads of a session. Every
 * PostgreSQL backend starts a session of its own (PostgreSQL calls {@code setsid} in each child
 * process), while the server's JVM and the generator's share the session they were started from. So
 * when two backends are busy, all the server's and the generator's threads together get a third of
 * the machine, however many of them have work. PostgreSQL tuning guides have a database host switch
 * it off; autogroup also does not apply to processes placed in control groups of the CPU controller
 * (containers, services given a CPU weight). On this kind of machine every process is in the root
 * group and the setting is on unless switched off ({@code docs/performance.md}, "Scheduling
 * groups").
 */
final class KernelScheduling {

  private static final Path AUTOGROUP = Path.of("/proc/sys/kernel/sched_autogroup_enabled");

  private KernelScheduling() {}

  /** A sentence for a report's header: the setting, and what it means for the figures. */
  static String describe() {
    return switch (autogroup()) {
      case "0" ->
          "The kernel's autogroup scheduling is off (kernel.sched_autogroup_enabled=0): every"
              + " thread of the server, the generator and PostgreSQL competes for the cores on equal"
              + " terms.";
      case "1" ->
          "The kernel's autogroup scheduling is ON (kernel.sched_autogroup_enabled=1): each"
              + " PostgreSQL backend is weighted as much as the server and the generator together,"
              + " which lengthens the tail; a database host runs with it off (sudo sysctl -w"
              + " kernel.sched_autogroup_enabled=0; docs/performance.md, \"Scheduling groups\").";
      default -> "The kernel's autogroup setting could not be read.";
    };
  }

  private static String autogroup() {
    try {
      return Files.readString(AUTOGROUP, StandardCharsets.US_ASCII).strip();
    } catch (IOException | UnsupportedOperationException unreadable) {
      return "";
    }
  }
}
