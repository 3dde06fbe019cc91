package io.coralbank.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coralbank.CoralApplication;
import io.coralbank.platform.database.EmbeddedDatabaseUnavailableException;
import io.coralbank.platform.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The embedded database as an operator runs it: real servers started the way {@code main} starts
 * them, on a data directory that must outlive the process and must never be shared.
 */
class EmbeddedDatabaseTest {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final JsonMapper json = JsonMapper.builder().build();

  @TempDir Path workDirectory;

  private static ConfigurableApplicationContext startServer(Path dataDirectory) {
    return CoralApplication.application().run(arguments(dataDirectory).toArray(String[]::new));
  }

  private static List<String> arguments(Path dataDirectory) {
    return List.of(
        "--coral.database.embedded-directory=" + dataDirectory,
        // Blank on purpose: even when the suite runs against an external server, this test is
        // about the embedded one.
        "--coral.database.url=",
        "--server.port=0",
        "--coral.mode=sandbox");
  }

  private static String call(ConfigurableApplicationContext server, String method, String path)
      throws Exception {
    int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer sandbox-admin-token")
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("{\"seconds\": 86400}")
                    : HttpRequest.BodyPublishers.noBody())
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }

  @Test
  void dataWrittenBeforeARestartIsThereAfterIt() throws Exception {
    Path dataDirectory = workDirectory.resolve("data/postgres");
    Instant advancedTo;
    try (ConfigurableApplicationContext first = startServer(dataDirectory)) {
      advancedTo =
          Instant.parse(
              json.readTree(call(first, "POST", "/admin/v1/clock/advance")).path("now").asString());
    }

    try (ConfigurableApplicationContext second = startServer(dataDirectory)) {
      Instant now =
          Instant.parse(
              json.readTree(call(second, "GET", "/admin/v1/clock")).path("now").asString());
      // The day the first server moved the clock forward was stored in PostgreSQL and survived.
      assertThat(now).isAfterOrEqualTo(advancedTo);
      assertThat(Duration.between(Instant.now(), now)).isGreaterThan(Duration.ofHours(23));
    }
  }

  @Test
  void theEmbeddedDatabaseAcknowledgesACommitOnlyOnceItIsOnDisk() throws Exception {
    // The embedding library defaults to fsync and synchronous_commit off, fit for throwaway test
    // databases but not for a bank's books.
    try (EmbeddedPostgresServer postgres =
            EmbeddedPostgresServer.start(workDirectory.resolve("durable"));
        Connection connection = DriverManager.getConnection(postgres.jdbcUrl())) {
      assertThat(setting(connection, "fsync")).isEqualTo("on");
      assertThat(setting(connection, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(connection, "full_page_writes")).isEqualTo("on");
    }
  }

  @Test
  void theEmbeddedDatabaseRunsWithTheWriteSettingsItsLoadFiguresWereMeasuredWith()
      throws Exception {
    // Each of these removed a stall measured under load (docs/performance.md): checkpoints spaced
    // out, new WAL segments not zero-filled, evicted pages handed to the disk as they are written.
    try (EmbeddedPostgresServer postgres =
            EmbeddedPostgresServer.start(workDirectory.resolve("tuned"));
        Connection connection = DriverManager.getConnection(postgres.jdbcUrl())) {
      assertThat(setting(connection, "max_wal_size")).isEqualTo("4GB");
      assertThat(setting(connection, "wal_init_zero")).isEqualTo("off");
      assertThat(setting(connection, "backend_flush_after")).isEqualTo("256kB");
    }
  }

  private static String setting(Connection connection, String name) throws Exception {
    try (ResultSet result =
        connection.createStatement().executeQuery("select current_setting('" + name + "')")) {
      result.next();
      return result.getString(1);
    }
  }

  @Test
  void aSecondServerInTheSameProcessOnTheSameDirectoryFailsWithAClearMessage() {
    Path dataDirectory = workDirectory.resolve("shared");
    try (ConfigurableApplicationContext first = startServer(dataDirectory)) {
      assertThatThrownBy(() -> startServer(dataDirectory))
          .rootCause()
          .isInstanceOf(EmbeddedDatabaseUnavailableException.class)
          .hasMessageContaining("is already in use by another Coral server");
    }
  }

  @Test
  void aSecondServerProcessOnTheSameDirectoryExitsWithAClearMessage() throws Exception {
    Path dataDirectory = workDirectory.resolve("shared-between-processes");
    try (ConfigurableApplicationContext first = startServer(dataDirectory)) {
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(CoralApplication.class.getName());
      command.addAll(arguments(dataDirectory));
      Process second = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = readAll(second);
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(second.exitValue()).isNotZero();
      assertThat(output)
          .contains("APPLICATION FAILED TO START")
          .contains("is already in use by another Coral server")
          .contains("CORAL_EMBEDDED_DB_DIR");
      // The first server was not disturbed.
      assertThat(call(first, "GET", "/admin/v1/clock")).contains("now");
    }
  }

  private static String readAll(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
