package io.coralbank.ledger;

import com.zaxxer.hikari.HikariDataSource;
import io.coralbank.platform.database.DatabaseLocation;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's one ledger engine, on the server's clock and a connection pool of its own: request
 * handling can never take the connections the engine needs to commit money.
 */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

  @Bean(destroyMethod = "close")
  HikariDataSource ledgerEngineDataSource(DatabaseLocation location, LedgerProperties properties) {
    return location.newPool("coral-ledger", properties.workers() + 1, LedgerEngine.SESSION_OPTIONS);
  }

  /**
   * The qualifier matters: the application's pool is primary, and Spring prefers a primary bean to
   * a parameter's name, so without it the engine would share the request pool and a burst of
   * idempotent requests (each holding a connection while it waits for the ledger) could leave the
   * engine no connection to commit with.
   */
  @Bean(destroyMethod = "close")
  LedgerEngine ledgerEngine(
      @Qualifier("ledgerEngineDataSource") HikariDataSource ledgerEngineDataSource,
      Clock clock,
      LedgerProperties properties) {
    return new LedgerEngine(ledgerEngineDataSource, clock, properties.engineSettings());
  }
}
