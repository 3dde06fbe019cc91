package io.coralbank.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts Coral from its built jar in a process of its own, as an operator starts it ({@code java
 * -jar coral-server.jar}), for the commands that prove from outside. A server measured or killed
 * from inside the measuring process would share its heap, its garbage collector and its fate with
 * the tool, and what the tool reported would no longer be what a client of a real deployment sees.
 */
final class ServerProcess {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration STARTUP_LIMIT = Duration.ofSeconds(120);

  private ServerProcess() {}

  /** The jar the build made; the commands run from the project's root or from coral-server. */
  static Path jar() {
    Path jar = Path.of("coral-server/target/coral-server.jar").toAbsolutePath();
    return Files.exists(jar) ? jar : Path.of("target/coral-server.jar").toAbsolutePath();
  }

  /**
   * Starts the server with {@code javaOptions} for its JVM and {@code arguments} for Spring,
   * listening on {@code port}, its output in {@code log}, and returns once its health endpoint
   * answers UP. The JVM is the one running this command, which the launcher chose.
   */
  static Process start(List<String> javaOptions, List<String> arguments, int port, Path log)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.addAll(javaOptions);
    command.add("-jar");
    command.add(jar().toString());
    command.add("--server.port=" + port);
    command.addAll(arguments);
    Process process =
        new ProcessBuilder(command).redirectOutput(log.toFile()).redirectErrorStream(true).start();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try {
        if (HTTP.send(health, HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
          return process;
        }
      } catch (IOException notYet) {
        // Still starting: the port is not open yet.
      }
      Thread.sleep(200);
    }
    process.destroyForcibly();
    throw new IllegalStateException("The server did not start; see " + log);
  }
}
