package io.coralbank.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  /** A request to the admin API with the operator's token; {@code body} null for none. */
  protected HttpResponse<String> admin(String method, String path, String body) {
    return sendJson(request(path).header("Authorization", "Bearer " + ADMIN_TOKEN), method, body);
  }

  /** A request to BCB's API ({@code path} after {@code /bcb}) with {@code token}. */
  protected HttpResponse<String> callBcb(String token, String method, String path, String body) {
    return sendJson(
        request("/bcb" + path).header("Authorization", "Bearer " + token), method, body);
  }

  private HttpResponse<String> sendJson(HttpRequest.Builder request, String method, String body) {
    request.header("Content-Type", "application/json");
    return send(
        body == null
            ? request.method(method, HttpRequest.BodyPublishers.noBody())
            : request.method(method, HttpRequest.BodyPublishers.ofString(body)));
  }

  /** A new corporate customer's id. */
  protected String newCustomer() {
    HttpResponse<String> created =
        admin(
            "POST",
            "/admin/v1/customers",
            "{\"name\": \"Test customer\", \"type\": \"CORPORATE\"}");
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Could not create a customer: " + created.body());
    }
    return body(created).path("id").asString();
  }

  /**
   * Opens an account of {@code kind} for the customer and, unless {@code funding} is null, credits
   * it from an external bank; returns its number.
   */
  protected String openAccount(String customerId, String currency, String kind, String funding) {
    HttpResponse<String> opened =
        admin(
            "POST",
            "/admin/v1/customers/" + customerId + "/accounts",
            "{\"currency\": \"" + currency + "\", \"kind\": \"" + kind + "\"}");
    if (opened.statusCode() != 201) {
      throw new IllegalStateException("Could not open an account: " + opened.body());
    }
    String number = body(opened).path("accountNumber").asString();
    if (funding != null) {
      admin(
          "POST", "/admin/v1/accounts/" + number + "/credits", "{\"amount\": \"" + funding + "\"}");
    }
    return number;
  }

  /**
   * New credentials of a new customer: {@code request} is the admin request's body, such as {@code
   * {"dialect": "bcb", "permissions": []}}.
   */
  protected JsonNode newCredentials(String request) {
    return newCredentials(newCustomer(), request);
  }

  protected JsonNode newCredentials(String customerId, String request) {
    HttpResponse<String> created =
        admin("POST", "/admin/v1/customers/" + customerId + "/credentials", request);
    if (created.statusCode() != 201) {
      throw new IllegalStateException("Could not create credentials: " + created.body());
    }
    return body(created);
  }

  /**
   * New credentials of {@code customerId} for {@code dialect}, with {@code permissions} (a JSON
   * array) or, when null, every permission of the dialect.
   */
  protected JsonNode newCredentials(String customerId, String dialect, String permissions) {
    return newCredentials(
        customerId,
        permissions == null
            ? "{\"dialect\": \"" + dialect + "\"}"
            : "{\"dialect\": \"" + dialect + "\", \"permissions\": " + permissions + "}");
  }

  /** {@code POST /bcb/auth/token} with the credentials' client id and secret. */
  protected HttpResponse<String> bcbLogin(JsonNode credentials) {
    return postJson(
        "/bcb/auth/token",
        "{\"clientId\": \""
            + credentials.path("clientId").asString()
            + "\", \"clientSecret\": \""
            + credentials.path("clientSecret").asString()
            + "\"}");
  }

  protected String bcbToken(JsonNode credentials) {
    return body(bcbLogin(credentials)).path("token").asString();
  }

  /** {@code POST /vaultspay/as/api/v1/saas-login} with the credentials' client id and secret. */
  protected HttpResponse<String> vaultsPayLogin(JsonNode credentials) {
    return postJson(
        "/vaultspay/as/api/v1/saas-login",
        "{\"clientId\": \""
            + credentials.path("clientId").asString()
            + "\", \"clientSecret\": \""
            + credentials.path("clientSecret").asString()
            + "\"}");
  }

  protected static JsonNode body(HttpResponse<String> response) {
    return json.readTree(response.body());
  }

  /**
   * Asks until the answer is {@code expected} or the patience runs out, and returns the last
   * answer. Announcements arrive within milliseconds; the patience only bounds a failing test.
   */
  protected static <T> T eventually(Supplier<T> answer, T expected) {
    Instant giveUp = Instant.now().plus(Duration.ofSeconds(10));
    T last = answer.get();
    while (!last.equals(expected) && Instant.now().isBefore(giveUp)) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        return last;
      }
      last = answer.get();
    }
    return last;
  }

  /**
   * How many sessions of this server listen for database notifications (one while it hears them): a
   * test that relies on what the server remembers waits for it first.
   */
  protected static int listeningSessions(JdbcClient jdbc) {
    return jdbc.sql(
            "select count(*) from pg_stat_activity where datname = current_database()"
                + " and application_name = 'coral-notifications'")
        .query(Integer.class)
        .single();
  }

  /**
   * Sends {@code count} requests at the same moment (each thread waits on one gate) and returns
   * their responses, for tests of what concurrent requests with one key do.
   */
  protected static List<HttpResponse<String>> sendTogether(
      int count, Callable<HttpResponse<String>> call) throws Exception {
    CountDownLatch gate = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> calls = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int index = 0; index < count; index++) {
        calls.add(
            callers.submit(
                () -> {
                  gate.await();
                  return call.call();
                }));
      }
      gate.countDown();
    }
    List<HttpResponse<String>> responses = new ArrayList<>();
    for (Future<HttpResponse<String>> answered : calls) {
      responses.add(answered.get());
    }
    return responses;
  }
}
