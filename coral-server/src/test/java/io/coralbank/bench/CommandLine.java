package io.coralbank.bench;

/** The {@code --name=value} arguments of the bench and fault-test commands. */
final class CommandLine {

  private CommandLine() {}

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
