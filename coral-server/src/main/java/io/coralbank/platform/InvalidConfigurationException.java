package io.coralbank.platform;

import java.util.List;

/** The server's configuration cannot run; each problem says what to set and how. */
public class InvalidConfigurationException extends RuntimeException {

  private final List<String> problems;

  public InvalidConfigurationException(List<String> problems) {
    super("Coral cannot start: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
