package io.coralbank.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls the multi-node test makes to one of its server processes, named by port: the admin
 * API with the sandbox token, BCB logins, and authenticated BCB or Cayman calls.
 */
final class NodeHttp {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final String ADMIN = "Bearer sandbox-admin-token";

  private NodeHttp() {}

  /** New BCB credentials, with every permission, for {@code customer}. */
  static JsonNode newBcbClient(int port, String customer) throws Exception {
    return JSON.readTree(
        admin(
                port,
                "POST",
                "/admin/v1/customers/" + customer + "/credentials",
                "{\"dialect\": \"bcb\"}")
            .body());
  }

  static String login(int port, JsonNode credentials) throws Exception {
    return JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/bcb/auth/token"))
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"clientId\": \""
                                    + credentials.path("clientId").asString()
                                    + "\", \"clientSecret\": \""
                                    + credentials.path("clientSecret").asString()
                                    + "\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .path("token")
        .asString();
  }

  static HttpResponse<String> transfer(int port, String token, String key, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/bcb/v1/internal-transfers"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(int port, String token, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> admin(int port, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", ADMIN)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> get(int port, String token, String path)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
