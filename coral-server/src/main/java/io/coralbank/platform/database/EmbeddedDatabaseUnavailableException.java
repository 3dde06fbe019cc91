package io.coralbank.platform.database;

/**
 * The embedded PostgreSQL could not be started; {@link #action()} tells the operator what to do.
 */
public class EmbeddedDatabaseUnavailableException extends RuntimeException {

  private final String action;

  EmbeddedDatabaseUnavailableException(String message, String action, Throwable cause) {
    super(message, cause);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
