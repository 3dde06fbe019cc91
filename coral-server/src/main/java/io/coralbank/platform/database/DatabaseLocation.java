package io.coralbank.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;

/**
 * The PostgreSQL server in use and how to describe it in the start-up log without leaking a
 * password.
 */
public final class DatabaseLocation implements AutoCloseable {

  /** Connections a pool keeps open when idle. */
  private static final int MINIMUM_IDLE_CONNECTIONS = 10;

  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final EmbeddedPostgresServer embeddedServer;

  private DatabaseLocation(
      String jdbcUrl, String user, String password, EmbeddedPostgresServer embeddedServer) {
    this.jdbcUrl = jdbcUrl;
    this.user = user;
    this.password = password;
    this.embeddedServer = embeddedServer;
  }

  static DatabaseLocation external(String jdbcUrl, String user, String password) {
    return new DatabaseLocation(jdbcUrl, user, password, null);
  }

  static DatabaseLocation embedded(EmbeddedPostgresServer server) {
    return new DatabaseLocation(server.jdbcUrl(), null, null, server);
  }

  String jdbcUrl() {
    return jdbcUrl;
  }

  String user() {
    return user;
  }

  String password() {
    return password;
  }

  /**
   * A separate connection pool to the same database, for a component that must not compete with
   * request handling for connections (the ledger engine).
   *
   * @param options PostgreSQL session settings, such as {@code -c plan_cache_mode=...}
   */
  public HikariDataSource newPool(String name, int size, String options) {
    HikariConfig config = new HikariConfig();
    config.setPoolName(name);
    config.setJdbcUrl(jdbcUrl);
    if (user != null && !user.isBlank()) {
      config.setUsername(user);
    }
    if (password != null && !password.isBlank()) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(size);
    // Each session says which pool it belongs to, in pg_stat_activity, for operators and tests.
    config.addDataSourceProperty("ApplicationName", name);
    // A pool grows to its maximum only under load and shrinks back when idle, so a quiet server
    // does not hold dozens of PostgreSQL sessions open.
    config.setMinimumIdle(Math.min(size, MINIMUM_IDLE_CONNECTIONS));
    if (options != null) {
      config.addDataSourceProperty("options", options);
    }
    return new HikariDataSource(config);
  }

  /** One line for the start-up log. Query parameters are dropped: they may carry a password. */
  public String describe() {
    if (embeddedServer != null) {
      return "embedded PostgreSQL, data in "
          + embeddedServer.dataDirectory()
          + " (port "
          + embeddedServer.port()
          + ")";
    }
    int query = jdbcUrl.indexOf('?');
    return "external PostgreSQL at " + (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query));
  }

  @Override
  public void close() throws IOException {
    if (embeddedServer != null) {
      embeddedServer.close();
    }
  }
}
