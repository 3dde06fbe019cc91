package io.coralbank.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coralbank.platform.CoralProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Provides the connection pool, to the embedded server or to {@code CORAL_DB_URL}. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean
  DatabaseLocation databaseLocation(CoralProperties properties) {
    CoralProperties.Database database = properties.database();
    if (database.isExternal()) {
      return DatabaseLocation.external(database.url(), database.user(), database.password());
    }
    return DatabaseLocation.embedded(
        EmbeddedPostgresServer.start(Path.of(database.embeddedDirectory())));
  }

  /** Depends on the location, so Spring closes the pool before it stops an embedded server. */
  @Bean
  HikariDataSource dataSource(DatabaseLocation location, CoralProperties properties) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("coral");
    config.setJdbcUrl(location.jdbcUrl());
    if (location.user() != null && !location.user().isBlank()) {
      config.setUsername(location.user());
    }
    if (location.password() != null && !location.password().isBlank()) {
      config.setPassword(location.password());
    }
    config.setMaximumPoolSize(properties.database().poolSize());
    return new HikariDataSource(config);
  }
}
