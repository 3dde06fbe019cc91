package io.coralbank.platform;

import io.coralbank.platform.database.EmbeddedDatabaseUnavailableException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/**
 * Turns Coral's own start-up failures into the short description and action Spring Boot prints,
 * instead of a stack trace an operator has to read.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidConfigurationException invalid) {
        return new FailureAnalysis(
            "Coral cannot start in production mode:\n  - "
                + String.join("\n  - ", invalid.problems()),
            "Set the variables above (see the configuration table in the README) and start again.",
            invalid);
      }
      if (cause instanceof EmbeddedDatabaseUnavailableException unavailable) {
        return new FailureAnalysis(unavailable.getMessage(), unavailable.action(), unavailable);
      }
    }
    return null;
  }
}
