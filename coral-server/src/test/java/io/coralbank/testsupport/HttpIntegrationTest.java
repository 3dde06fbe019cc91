package io.coralbank.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of tests that talk to a real Coral over real HTTP, backed by real PostgreSQL. Test classes
 * with the same configuration share one server and one database, as Spring caches the context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpIntegrationTest {

  public static final String ADMIN_TOKEN = "sandbox-admin-token";
  private static final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  protected static final JsonMapper json = JsonMapper.builder().build();

  @Value("${local.server.port}")
  protected int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    String url = TestDatabases.createDatabase();
    registry.add("coral.database.url", () -> url);
    registry.add("coral.database.user", TestDatabases::user);
    registry.add("coral.database.password", TestDatabases::password);
    registry.add("coral.database.pool-size", () -> 5);
  }

  protected HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30));
  }

  protected HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException failure) {
      throw new IllegalStateException(failure);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  protected HttpResponse<String> get(String path) {
    return send(request(path).GET());
  }

  protected HttpResponse<String> postJson(String path, String body) {
    return send(
        request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  protected static JsonNode body(HttpResponse<String> response) {
    return json.readTree(response.body());
  }
}
