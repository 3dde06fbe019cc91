package io.coralbank.testsupport;

import com.zaxxer.hikari.HikariDataSource;
import io.coralbank.ledger.LedgerEngine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One PostgreSQL cluster per test JVM, and a fresh database in it for each Spring context, so tests
 * are isolated without paying a cluster start each.
 *
 * <p>By default the cluster is the embedded one. With {@code CORAL_DB_URL} (and {@code
 * CORAL_DB_USER}, {@code CORAL_DB_PASSWORD}) set, the databases are created on that server instead;
 * its user needs the CREATEDB privilege.
 */
public final class TestDatabases {

  private static final AtomicInteger counter = new AtomicInteger();
  private static EmbeddedPostgres embedded;

  private TestDatabases() {}

  /** Creates an empty database and returns its JDBC URL (credentials: {@link #user()}). */
  public static synchronized String createDatabase() {
    String name = "coral_test_" + ProcessHandle.current().pid() + "_" + counter.incrementAndGet();
    String serverUrl = serverUrl();
    try (Connection connection = DriverManager.getConnection(serverUrl, user(), password());
        Statement statement = connection.createStatement()) {
      statement.execute("create database " + name);
    } catch (SQLException failure) {
      throw new IllegalStateException("Could not create test database " + name, failure);
    }
    return withDatabase(serverUrl, name);
  }

  public static String user() {
    String external = System.getenv("CORAL_DB_URL");
    return external == null || external.isBlank() ? "postgres" : System.getenv("CORAL_DB_USER");
  }

  public static String password() {
    String external = System.getenv("CORAL_DB_URL");
    return external == null || external.isBlank() ? null : System.getenv("CORAL_DB_PASSWORD");
  }

  private static String serverUrl() {
    String external = System.getenv("CORAL_DB_URL");
    if (external != null && !external.isBlank()) {
      return external;
    }
    if (embedded == null) {
      try {
        embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      } catch (IOException failure) {
        throw new UncheckedIOException("Could not start the embedded PostgreSQL", failure);
      }
    }
    return "jdbc:postgresql://localhost:" + embedded.getPort() + "/postgres";
  }

  /** Replaces the database name in a JDBC URL, keeping host, port and parameters. */
  static String withDatabase(String jdbcUrl, String database) {
    int hostStart = jdbcUrl.indexOf("//") + 2;
    int pathStart = jdbcUrl.indexOf('/', hostStart);
    int query = jdbcUrl.indexOf('?');
    String prefix =
        pathStart < 0
            ? (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query))
            : jdbcUrl.substring(0, pathStart);
    String parameters = query < 0 ? "" : jdbcUrl.substring(query);
    return prefix + "/" + database + parameters;
  }

  /**
   * A second connection pool to the application's database with the ledger engine's session
   * settings, as the engine of another server process would have: tests of several engines on one
   * database give each its own.
   */
  public static HikariDataSource engineProcessPool(DataSource application, int size) {
    HikariDataSource configured = (HikariDataSource) application;
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(configured.getJdbcUrl());
    pool.setUsername(configured.getUsername());
    pool.setPassword(configured.getPassword());
    pool.setMaximumPoolSize(size);
    pool.addDataSourceProperty("options", LedgerEngine.SESSION_OPTIONS);
    return pool;
  }
}
