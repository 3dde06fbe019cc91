package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * BCB notifications and job callbacks, received by a real HTTP receiver that verifies the {@code
 * Bcb-Signature} the way BCB's integrators do; and the sandbox testing endpoints.
 */
@TestPropertySource(
    properties = {
      "coral.webhooks.first-retry-delay=1s",
      "coral.webhooks.attempt-timeout=5s",
      "coral.webhooks.poll-interval=50ms",
      "coral.jobs.poll-interval=50ms"
    })
class BcbNotificationsTest extends HttpIntegrationTest {

  record Received(String path, Map<String, String> headers, String body) {}

  @Autowired JdbcClient jdbc;

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

  /** What the held path received; it answers only once {@link #release} is opened. */
  private final List<String> held = new CopyOnWriteArrayList<>();

  private final CountDownLatch release = new CountDownLatch(1);

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
    receiver.createContext(
        "/held",
        exchange -> {
          held.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    // A thread per exchange, so requests to the held path wait side by side.
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    release.countDown();
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

  private String heldUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/held";
  }

  private String subscribeToDeposits(Corporate caller, String url) {
    HttpResponse<String> subscribed =
        call(
            caller,
            "POST",
            "/v1/notifications/subscriptions",
            "{\"url\": \"" + url + "\", \"topic\": \"Deposits\"}");
    assertThat(subscribed.statusCode()).as(subscribed.body()).isEqualTo(201);
    return body(subscribed).path("subscriptionId").asString();
  }

  private void deposit(Corporate caller, String account, String amount) {
    HttpResponse<String> deposit =
        call(
            caller,
            "POST",
            "/v1/testing/deposits",
            "{\"accountNumber\": \"" + account + "\", \"amount\": \"" + amount + "\"}");
    assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(201);
  }

  /** The operator's delivery log of one subscription (its endpoint). */
  private JsonNode deliveries(String subscriptionId) {
    return body(admin("GET", "/admin/v1/webhooks/deliveries?endpointId=" + subscriptionId, null))
        .path("data");
  }

  private static boolean every(JsonNode deliveries, Predicate<JsonNode> rule) {
    for (JsonNode delivery : deliveries) {
      if (!rule.test(delivery)) {
        return false;
      }
    }
    return true;
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
  void aReceiverThatNeverAnswersIsSentAllItsDueNotificationsAtOnceAndHoldsUpNoOtherSubscriber() {
    Corporate silent = corporate();
    String silentAccount = openAccount(silent.id(), "USD", "CURRENT", null);
    String silentSubscription = subscribeToDeposits(silent, heldUrl());
    Corporate other = corporate();
    String otherAccount = openAccount(other.id(), "USD", "CURRENT", null);
    subscribeToDeposits(other, url("/other"));

    for (int deposit = 0; deposit < 10; deposit++) {
      deposit(silent, silentAccount, "1");
    }
    assertThat(eventually(held::size, 10)).isEqualTo(10);
    // All ten were sent while none had been cut off yet: no attempt of theirs is logged.
    JsonNode inFlight = deliveries(silentSubscription);
    assertThat(inFlight).hasSize(10);
    assertThat(every(inFlight, delivery -> delivery.path("attemptLog").isEmpty())).isTrue();

    deposit(other, otherAccount, "2");
    awaitReceived(1);
    assertThat(received.getFirst().path()).isEqualTo("/hooks/other");
    assertThat(held).hasSize(10);

    // Each held attempt is cut off at the attempt timeout and left to be tried again.
    assertThat(
            eventually(
                () ->
                    every(
                        deliveries(silentSubscription),
                        delivery -> !delivery.path("attemptLog").isEmpty()),
                true))
        .isTrue();
    for (JsonNode delivery : deliveries(silentSubscription)) {
      JsonNode first = delivery.path("attemptLog").get(0);
      assertThat(first.path("error").asString()).isEqualTo("No answer within 5000 ms");
      assertThat(first.path("statusCode").isNull()).isTrue();
    }

    release.countDown();
    assertThat(
            eventually(
                () ->
                    every(
                        deliveries(silentSubscription),
                        delivery -> delivery.path("status").asString().equals("DELIVERED")),
                true))
        .isTrue();
    // Every request the receiver got is an attempt in the log: no claim sent anything twice.
    int attempts = 0;
    for (JsonNode delivery : deliveries(silentSubscription)) {
      attempts += delivery.path("attempts").asInt();
      assertThat(delivery.path("attemptLog")).hasSize(delivery.path("attempts").asInt());
    }
    assertThat(held).hasSize(attempts);
  }

  @Test
  void anAttemptWhoseClaimAnotherProcessTookOverChangesNothingTheOtherRecorded() {
    Corporate caller = corporate();
    String account = openAccount(caller.id(), "USD", "CURRENT", null);
    String subscription = subscribeToDeposits(caller, heldUrl());
    deposit(caller, account, "3");
    assertThat(eventually(held::size, 1)).isEqualTo(1);

    // What another process does when this one's claim has run out: it claims the attempt anew.
    jdbc.sql(
            """
            update webhook_deliveries
               set attempts = attempts + 1, next_attempt_at = now() + interval '1 hour'
             where endpoint_id = :subscription
            """)
        .param("subscription", subscription)
        .update();
    release.countDown();

    assertThat(eventually(() -> deliveries(subscription).get(0).path("attemptLog").size(), 1))
        .isEqualTo(1);
    JsonNode delivery = deliveries(subscription).get(0);
    assertThat(delivery.path("attemptLog").get(0).path("statusCode").asInt()).isEqualTo(200);
    assertThat(delivery.path("status").asString()).isEqualTo("PENDING");
    assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
    assertThat(delivery.path("lastStatusCode").isNull()).isTrue();
    assertThat(delivery.path("nextAttemptAt").isNull()).isFalse();
  }

  @Test
  void aDeliveryIsDeliveredWhenTheReceiversAnswerCameNotWhenItWasSent() {
    Corporate caller = corporate();
    String account = openAccount(caller.id(), "USD", "CURRENT", null);
    String subscription = subscribeToDeposits(caller, heldUrl());
    deposit(caller, account, "2");
    assertThat(eventually(held::size, 1)).isEqualTo(1);
    sleep(400);
    release.countDown();

    assertThat(
            eventually(
                () -> deliveries(subscription).get(0).path("status").asString(), "DELIVERED"))
        .isEqualTo("DELIVERED");
    JsonNode delivery = deliveries(subscription).get(0);
    JsonNode attempt = delivery.path("attemptLog").get(0);
    assertThat(attempt.path("latencyMs").asInt()).isGreaterThanOrEqualTo(400);
    assertThat(Instant.parse(delivery.path("deliveredAt").asString()))
        .isAfterOrEqualTo(
            Instant.parse(attempt.path("attemptedAt").asString())
                .plusMillis(attempt.path("latencyMs").asInt()));
  }

  @Test
  void aSubscriptionWhoseStoredHeadersCannotBeSentIsLoggedAsUndeliverableNotRetriedBlindly() {
    Corporate caller = corporate();
    String account = openAccount(caller.id(), "USD", "CURRENT", null);
    String subscription = subscribeToDeposits(caller, url("/deposits"));
    // As a subscription registered before the check stored it.
    jdbc.sql("update webhook_endpoints set custom_headers = :headers where id = :subscription")
        .param("headers", "{\"X-Amount\": \"\u0661\u0660\u0660\"}")
        .param("subscription", subscription)
        .update();

    deposit(caller, account, "4");

    assertThat(eventually(() -> deliveries(subscription).get(0).path("attemptLog").size(), 1))
        .isEqualTo(1);
    JsonNode attempt = deliveries(subscription).get(0).path("attemptLog").get(0);
    assertThat(attempt.path("error").asString())
        .isEqualTo("A custom header cannot be sent: its name or value is not valid in HTTP.");
    assertThat(attempt.toString()).doesNotContain("\u0661");
    assertThat(received).isEmpty();
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
