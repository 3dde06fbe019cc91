package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * BCB notifications and job callbacks, received by a real HTTP receiver that verifies the {@code
 * Bcb-Signature} the way BCB's integrators do; and the sandbox testing endpoints.
 */
@TestPropertySource(
    properties = {
      "coral.webhooks.first-retry-delay=1s",
      "coral.webhooks.poll-interval=50ms",
      "coral.jobs.poll-interval=50ms"
    })
class BcbNotificationsTest extends HttpIntegrationTest {

  record Received(String path, Map<String, String> headers, String body) {}

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hooks",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          Map<String, String> headers = new java.util.HashMap<>();
          exchange
              .getRequestHeaders()
              .forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
          received.add(new Received(exchange.getRequestURI().getRawPath(), headers, body));
          Integer status = answers.poll();
          exchange.sendResponseHeaders(status == null ? 200 : status, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  record Corporate(String id, String token, String signingSecret) {}

  private Corporate corporate() {
    String id = newCustomer();
    JsonNode credentials = newCredentials(id, "{\"dialect\": \"bcb\"}");
    return new Corporate(
        id, bcbToken(credentials), credentials.path("messageSigningSecret").asString());
  }

  private HttpResponse<String> call(Corporate caller, String method, String path, String body) {
    return callBcb(caller.token(), method, path, body);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks" + path;
  }

  private void awaitReceived(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      sleep(50);
    }
    assertThat(received).hasSizeGreaterThanOrEqualTo(count);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  /** What BCB's integrators do: HMAC-SHA256 over timestamp, nonce, method, path and body. */
  private static void assertSigned(Received delivery, String signingSecret) throws Exception {
    String signed =
        delivery.headers().get("bcb-timestamp")
            + delivery.headers().get("bcb-nonce")
            + "POST"
            + delivery.path()
            + delivery.body();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(signingSecret), "HmacSHA256"));
    assertThat(delivery.headers().get("bcb-signature"))
        .isEqualTo(
            Base64.getEncoder()
                .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void aDepositReachesTheSubscriberSignedWithHeadersEchoedAndAgainAfterItWasDown()
      throws Exception {
    Corporate caller = corporate();
    String account = openAccount(caller.id(), "USD", "CURRENT", null);
    HttpResponse<String> subscribed =
        call(
            caller,
            "POST",
            "/v1/notifications/subscriptions",
            "{\"url\": \""
                + url("/deposits")
                + "\", \"topic\": \"Deposits\","
                + " \"customHeaders\": {\"X-Partner\": \"acme\"}}");
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
    String subscriptionId = body(subscribed).path("subscriptionId").asString();
    answers.add(503);

    HttpResponse<String> deposit =
        call(
            caller,
            "POST",
            "/v1/testing/deposits",
            "{\"accountNumber\": \""
                + account
                + "\", \"amount\": \"1000.00\", \"reference\": \"Payment details\"}");
    assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);
    awaitReceived(2);

    Received first = received.get(0);
    Received retry = received.get(1);
    assertSigned(first, caller.signingSecret());
    assertSigned(retry, caller.signingSecret());
    assertThat(retry.headers().get("bcb-nonce")).isNotEqualTo(first.headers().get("bcb-nonce"));
    assertThat(retry.headers().get("x-partner")).isEqualTo("acme");
    JsonNode notification = json.readTree(retry.body());
    assertThat(notification.path("subscriptionId").asString()).isEqualTo(subscriptionId);
    assertThat(notification.path("topic").asString()).isEqualTo("Deposits");
    assertThat(notification.path("accountNumber").asString()).isEqualTo(account);
    assertThat(notification.path("transactionId").asString())
        .isEqualTo(body(deposit).path("transactionId").asString());
    assertThat(notification.path("type").asString()).isEqualTo("Credit");
    assertThat(notification.path("value").path("amount").asString()).isEqualTo("1000.00");
    assertThat(notification.path("value").path("currency").asString()).isEqualTo("USD");
    assertThat(notification.path("transactionDetails").asString()).isEqualTo("Payment details");

    HttpResponse<String> deactivated =
        call(caller, "DELETE", "/v1/notifications/subscriptions/" + subscriptionId, null);
    assertThat(body(deactivated).path("active").asBoolean()).isFalse();
    call(
        caller,
        "POST",
        "/v1/testing/deposits",
        "{\"accountNumber\": \"" + account + "\", \"amount\": \"1\"}");
    sleep(400);
    assertThat(received).hasSize(2);
    assertThat(
            call(corporate(), "GET", "/v1/notifications/subscriptions/" + subscriptionId, null)
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void anRsaSubscriptionIsSignedWithTheKeyTheJwksPublishes() throws Exception {
    Corporate caller = corporate();
    String account = openAccount(caller.id(), "USD", "CURRENT", null);
    HttpResponse<String> subscribed =
        call(
            caller,
            "POST",
            "/v1/notifications/subscriptions",
            "{\"url\": \""
                + url("/rsa")
                + "\", \"topic\": \"Deposits\", \"signatureVersion\": \"rsa-v1\"}");
    assertThat(body(subscribed).path("signatureVersion").asString()).isEqualTo("rsa-v1");

    call(
        caller,
        "POST",
        "/v1/testing/deposits",
        "{\"accountNumber\": \"" + account + "\", \"amount\": \"5\"}");
    awaitReceived(1);

    Received delivery = received.getFirst();
    assertThat(delivery.headers().get("bcb-signature-version")).isEqualTo("rsa-v1");
    String signed =
        delivery.headers().get("bcb-timestamp")
            + delivery.headers().get("bcb-nonce")
            + "POST"
            + delivery.path()
            + delivery.body();
    JsonNode jwks = body(call(caller, "GET", "/v1/.well-known/jwks.json", null));
    boolean verified = false;
    for (JsonNode key : jwks.path("keys")) {
      java.security.interfaces.RSAPublicKey publicKey =
          com.nimbusds.jose.jwk.RSAKey.parse(key.toString()).toRSAPublicKey();
      java.security.Signature signature = java.security.Signature.getInstance("RSASSA-PSS");
      signature.setParameter(
          new java.security.spec.PSSParameterSpec(
              "SHA-256", "MGF1", java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
      signature.initVerify(publicKey);
      signature.update(signed.getBytes(StandardCharsets.UTF_8));
      verified |=
          signature.verify(Base64.getDecoder().decode(delivery.headers().get("bcb-signature")));
    }
    assertThat(verified).isTrue();
  }

  @Test
  void aFinishedCreationJobIsCalledBackSignedWithItsCustomHeaders() throws Exception {
    Corporate caller = corporate();
    openAccount(caller.id(), "USD", "SETTLEMENT", null);
    openAccount(caller.id(), "USD", "PARENT", null);

    HttpResponse<String> accepted =
        call(
            caller,
            "POST",
            "/v1/virtual-accounts",
            "{\"items\": [{\"currency\": \"USD\", \"accountHolderName\": \"Jane Smith\","
                + " \"accountName\": \"Jane Smith\"}], \"callbackUrl\": \""
                + url("/jobs")
                + "\","
                + " \"customHeaders\": {\"X-Batch\": \"42\"}}");
    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
    awaitReceived(1);

    Received callback = received.getFirst();
    assertSigned(callback, caller.signingSecret());
    assertThat(callback.headers().get("x-batch")).isEqualTo("42");
    JsonNode job = json.readTree(callback.body());
    assertThat(job.path("jobId").asString()).isEqualTo(body(accepted).path("jobId").asString());
    assertThat(job.path("status").asString()).isEqualTo("Completed");
    assertThat(job.path("eventType").asString()).isEqualTo("job.status");
    assertThat(job.path("summary").path("completed").asInt()).isEqualTo(1);
  }

  @Test
  void theTestingEndpointsSettleOrFailTheCallersPendingPaymentOnly() {
    Corporate caller = corporate();
    String account = openAccount(caller.id(), "USD", "CURRENT", "100.00");
    String pending =
        body(call(
                caller,
                "POST",
                "/v1/payments/swift",
                BcbPaymentsFixture.swift(account, "USD", "10", "PEND-1")))
            .path("id")
            .asString();

    HttpResponse<String> stranger =
        call(corporate(), "POST", "/v1/testing/payments/" + pending + "/settle", null);
    HttpResponse<String> settled =
        call(caller, "POST", "/v1/testing/payments/" + pending + "/settle", null);
    HttpResponse<String> again =
        call(caller, "POST", "/v1/testing/payments/" + pending + "/fail", null);

    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(body(settled).path("status").asString()).isEqualTo("Completed");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(
            call(
                    caller,
                    "POST",
                    "/v1/notifications/subscriptions",
                    "{\"url\": \"" + url("/x") + "\", \"topic\": \"Withdrawals\"}")
                .statusCode())
        .isEqualTo(400);
  }
}
