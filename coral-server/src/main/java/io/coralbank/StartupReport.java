package io.coralbank;

import io.coralbank.platform.CoralMode;
import io.coralbank.platform.CoralProperties;
import io.coralbank.platform.database.DatabaseLocation;
import io.coralbank.web.DialectRegistry;
import io.coralbank.web.MountedDialect;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says, once the server is ready, what an operator needs to know: the mode, the database in use,
 * where each dialect is served, and in sandbox mode which admin token works.
 */
@Component
class StartupReport {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final CoralProperties properties;
  private final DatabaseLocation database;
  private final DialectRegistry dialects;

  StartupReport(CoralProperties properties, DatabaseLocation database, DialectRegistry dialects) {
    this.properties = properties;
    this.database = database;
    this.dialects = dialects;
  }

  @EventListener
  void onReady(ApplicationReadyEvent ready) {
    String port = ready.getApplicationContext().getEnvironment().getProperty("local.server.port");
    log.info("Coral is ready in {} mode on port {}", properties.mode(), port);
    log.info("Database: {}", database.describe());
    log.info(
        "Dialects: {}",
        dialects.dialects().stream()
            .map(StartupReport::describe)
            .sorted()
            .collect(Collectors.joining(", ")));
    if (properties.mode() == CoralMode.SANDBOX
        && (properties.adminToken() == null || properties.adminToken().isBlank())) {
      log.info(
          "Admin API token: {} (the sandbox default; set CORAL_ADMIN_TOKEN to choose another)",
          CoralProperties.SANDBOX_ADMIN_TOKEN);
    }
  }

  private static String describe(MountedDialect mounted) {
    return mounted.surface().name() + " at " + mounted.displayPath();
  }
}
