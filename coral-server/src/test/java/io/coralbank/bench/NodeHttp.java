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
 * The HTTP calls the crash and multi-node tests make to one of their server processes, named by
 * port: the admin API with the sandbox token, BCB logins, and authenticated BCB or Cayman calls.
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
    return login(
        port, credentials.path("clientId").asString(), credentials.path("clientSecret").asString());
  }

  /** A BCB token for the client with this id and secret. */
  static String login(int port, String clientId, String clientSecret) throws Exception {
    return JSON.readTree(
            HTTP.send(
                    HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/bcb/auth/token"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(
                            HttpRequest.BodyPublishers.ofString(
                                "{\"clientId\": \""
                                    + clientId
                                    + "\", \"clientSecret\": \""
                                    + clientSecret
                                    + "\"}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body())
        .path("token")
        .asString();
  }

  /** A BCB internal transfer with its {@code Idempotency-Key}. */
  static HttpResponse<String> transfer(int port, String token, String key, String body)
      throws IOException, InterruptedException {
    return HTTP.send(
        jsonRequest(port, "/bcb/v1/internal-transfers", "Bearer " + token)
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(int port, String token, String path, String body)
      throws Exception {
    return HTTP.send(
        jsonRequest(port, path, "Bearer " + token)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> admin(int port, String method, String path, String body)
      throws Exception {
    return HTTP.send(
        jsonRequest(port, path, ADMIN)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpRequest.Builder jsonRequest(int port, String path, String authorization) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", authorization)
        .header("Content-Type", "application/json");
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
