package io.coralbank.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import io.coralbank.platform.CoralProperties;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

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
  /** The application's pool; primary, as components with their own pools also exist. */
  @Bean
  @Primary
  HikariDataSource dataSource(DatabaseLocation location, CoralProperties properties) {
    return location.newPool("coral", properties.database().poolSize(), null);
  }

  /** Listens on a connection of its own: it holds that connection for as long as it runs. */
  @Bean(destroyMethod = "close")
  DatabaseNotifications databaseNotifications(DatabaseLocation location) {
    return new DatabaseNotifications(location.newPool("coral-notifications", 1, null));
  }
}
