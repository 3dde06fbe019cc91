package io.coralbank.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The data directories of the benchmark and fault-test commands. Each run builds a database of up
 * to a few gigabytes; left behind, repeated runs fill the disk (they did, on the machine these
 * figures come from). A directory is removed when the command's JVM exits, unless the command keeps
 * it (a failed verdict, whose data is the evidence) or {@code -Dcoral.keep-data=true} is set.
 */
final class ScratchDirectories {

  private static final Set<Path> toRemove = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> toRemove.forEach(ScratchDirectories::remove), "scratch-cleanup"));
  }

  private ScratchDirectories() {}

  static Path create(String prefix) throws IOException {
    Path directory = Files.createTempDirectory(prefix);
    if (!Boolean.getBoolean("coral.keep-data")) {
      toRemove.add(directory);
    }
    return directory;
  }

  /** Keeps {@code directory} after the command ends, and says where it is. */
  static void keep(Path directory) {
    toRemove.remove(directory);
    System.out.println("data kept in " + directory);
  }

  private static void remove(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException alreadyGone) {
      // Nothing to clean up, or the JVM is going away; either way there is no one to tell.
    }
  }
}
