package io.coralbank.bench;

import ch.qos.logback.classic.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code --name=value} arguments of the bench and fault-test commands, and their output. */
final class CommandLine {

  private CommandLine() {}

  /**
   * Keeps the libraries these commands use in their own JVM (the connection pool, the embedded
   * PostgreSQL) to warnings, so their start-up lines do not break up the printed tables. The
   * servers the commands start keep their own logs.
   */
  static void quietLibraryLogs() {
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.WARN);
  }

  static int intArgument(String[] arguments, String name, int fallback) {
    return Integer.parseInt(stringArgument(arguments, name, Integer.toString(fallback)));
  }

  static String stringArgument(String[] arguments, String name, String fallback) {
    for (String argument : arguments) {
      if (argument.startsWith("--" + name + "=")) {
        return argument.substring(name.length() + 3);
      }
    }
    return fallback;
  }
}
