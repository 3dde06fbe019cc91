package io.coralbank.ledger;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The server's one ledger engine, on the server's connection pool and clock. */
@Configuration(proxyBeanMethods = false)
class LedgerConfiguration {

  @Bean(destroyMethod = "close")
  LedgerEngine ledgerEngine(DataSource dataSource, Clock clock, LedgerProperties properties) {
    return new LedgerEngine(dataSource, clock, properties.engineSettings());
  }
}
