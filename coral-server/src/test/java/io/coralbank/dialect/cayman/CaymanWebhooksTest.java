package io.coralbank.dialect.cayman;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Webhook endpoints and signed events, received by a real HTTP receiver in the test that checks
 * signatures the way an integrator's server would.
 */
@Import(CaymanSandboxTest.FixedClock.class)
class CaymanWebhooksTest extends CaymanSandboxTest {

  record Received(String signature, String body) {}

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/webhooks",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(new Received(exchange.getRequestHeaders().getFirst("X-Signature"), body));
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

  private String receiverUrl() {
    return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks";
  }

  private void awaitReceived(int count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      sleep(50);
    }
    assertThat(received).hasSizeGreaterThanOrEqualTo(count);
  }

  private void awaitFailureRecorded(String endpointId) {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode log =
          body(admin("GET", "/admin/v1/webhooks/deliveries?endpointId=" + endpointId, null))
              .path("data");
      if (!log.isEmpty() && log.get(0).path("lastStatusCode").asInt() == 500) {
        return;
      }
      sleep(50);
    }
    throw new AssertionError("The failed attempt was never recorded");
  }

  /** What a receiver does: split the header, recompute the HMAC over "t.body", compare. */
  private static long verifiedTimestamp(Received delivery, String secret) throws Exception {
    String timestamp = null;
    String signature = null;
    for (String part : delivery.signature().split(",")) {
      if (part.startsWith("t=")) {
        timestamp = part.substring(2);
      } else if (part.startsWith("v1=")) {
        signature = part.substring(3);
      }
    }
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal((timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(signature).isEqualTo(expected);
    return Long.parseLong(timestamp);
  }

  private HttpResponse<String> delete(Customer caller, String path) {
    return send(
        request("/cayman" + path).header("Authorization", "Bearer " + caller.key()).DELETE());
  }

  @Test
  void aSubscribedEndpointReceivesTheEventSignedAndAgainAfterItFailed() throws Exception {
    Customer owner = customer();
    Customer payee = customer();
    String from = wallet(owner, "USD", "100.00");
    String to = wallet(payee, "USD", null);
    HttpResponse<String> registered =
        post(
            owner,
            "/v1/webhooks/endpoints",
            "{\"url\": \"" + receiverUrl() + "\", \"events\": [\"transfer.completed\"]}",
            null);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
    JsonNode endpoint = body(registered);
    String secret = endpoint.path("secret").asString();
    assertThat(endpoint.path("id").asString()).matches("wh_[0-9A-Z]{26}");
    assertThat(secret).startsWith("whsec_");
    assertThat(endpoint.path("events").get(0).asString()).isEqualTo("transfer.completed");
    assertThat(
            body(get(owner, "/v1/webhooks/endpoints/" + endpoint.path("id").asString()))
                .has("secret"))
        .isFalse();
    answers.add(500);

    String transferId =
        body(post(
                owner,
                "/v1/transfers",
                "{\"amount\": \"5.00\", \"currency\": \"USD\", \"destination\":"
                    + " {\"type\": \"wallet\", \"wallet_id\": \""
                    + to
                    + "\"}}",
                null))
            .path("id")
            .asString();
    awaitReceived(1);
    // Move the clock only once the failure is recorded: the retry is planned from that moment.
    awaitFailureRecorded(endpoint.path("id").asString());
    clock.set(clock.instant().plus(Duration.ofSeconds(31)));
    awaitReceived(2);

    Received first = received.get(0);
    Received retry = received.get(1);
    assertThat(retry.body()).isEqualTo(first.body());
    long firstTime = verifiedTimestamp(first, secret);
    long retryTime = verifiedTimestamp(retry, secret);
    assertThat(retryTime - firstTime).isGreaterThanOrEqualTo(30);
    assertThat(Math.abs(clock.instant().getEpochSecond() - retryTime)).isLessThan(300);
    JsonNode event = json.readTree(retry.body());
    assertThat(event.path("id").asString()).matches("evt_[0-9A-Z]{26}");
    assertThat(event.path("type").asString()).isEqualTo("transfer.completed");
    assertThat(event.path("data").path("object").path("id").asString()).isEqualTo(transferId);
    assertThat(event.path("data").path("object").path("status").asString()).isEqualTo("COMPLETED");

    JsonNode caughtUp = body(get(owner, "/v1/events"));
    assertThat(caughtUp.path("data").get(0)).isEqualTo(event);
    assertThat(body(get(owner, "/v1/events/" + event.path("id").asString()))).isEqualTo(event);
    assertThat(get(payee, "/v1/events/" + event.path("id").asString()).statusCode()).isEqualTo(404);
    sleep(300);
    assertThat(received).hasSize(2);

    JsonNode log =
        body(admin(
                "GET",
                "/admin/v1/webhooks/deliveries?eventId=" + event.path("id").asString(),
                null))
            .path("data");
    assertThat(log).hasSize(1);
    assertThat(log.get(0).path("status").asString()).isEqualTo("DELIVERED");
    assertThat(log.get(0).path("attempts").asInt()).isEqualTo(2);
    assertThat(log.get(0).path("lastStatusCode").asInt()).isEqualTo(200);
    JsonNode attempts = log.get(0).path("attemptLog");
    assertThat(attempts).hasSize(2);
    assertThat(attempts.get(0).path("statusCode").asInt()).isEqualTo(500);
    assertThat(attempts.get(1).path("statusCode").asInt()).isEqualTo(200);
    assertThat(attempts.get(1).path("latencyMs").asInt()).isGreaterThanOrEqualTo(0);
    admin(
        "POST",
        "/admin/v1/webhooks/deliveries/" + log.get(0).path("id").asLong() + "/replay",
        null);
    awaitReceived(3);
    assertThat(received.get(2).body()).isEqualTo(first.body());
    assertThat(admin("POST", "/admin/v1/webhooks/deliveries/999999/replay", null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void endpointsAreValidatedChangedAndRemovedWithinTheCustomer() {
    Customer owner = customer();
    Customer stranger = customer();

    assertThat(
            post(
                    owner,
                    "/v1/webhooks/endpoints",
                    "{\"url\": \"ftp://example.com\", \"events\": [\"*\"]}",
                    null)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    owner,
                    "/v1/webhooks/endpoints",
                    "{\"url\": \"https://example.com/h\", \"events\": [\"nope\"]}",
                    null)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            post(
                    owner,
                    "/v1/webhooks/endpoints",
                    "{\"url\": \"https://example.com/h\", \"events\": []}",
                    null)
                .statusCode())
        .isEqualTo(400);
    HttpResponse<String> nullEvent =
        post(
            owner,
            "/v1/webhooks/endpoints",
            "{\"url\": \"https://example.com/h\", \"events\": [null]}",
            null);
    assertThat(nullEvent.statusCode()).isEqualTo(400);
    assertThat(body(nullEvent).path("error").path("code").asString()).isEqualTo("validation_error");
    assertThat(body(nullEvent).path("error").path("message").asString())
        .isEqualTo("events[0] must not be null.");
    String id =
        body(post(
                owner,
                "/v1/webhooks/endpoints",
                "{\"url\": \"https://example.com/h\", \"events\": [\"*\"]}",
                null))
            .path("id")
            .asString();

    JsonNode updated =
        body(
            post(
                owner,
                "/v1/webhooks/endpoints/" + id,
                "{\"events\": [\"payment.failed\", \"transfer.failed\"]}",
                null));
    HttpResponse<String> strangersView = get(stranger, "/v1/webhooks/endpoints/" + id);
    HttpResponse<String> strangersDelete = delete(stranger, "/v1/webhooks/endpoints/" + id);
    HttpResponse<String> deleted = delete(owner, "/v1/webhooks/endpoints/" + id);

    assertThat(updated.path("url").asString()).isEqualTo("https://example.com/h");
    assertThat(updated.path("events")).hasSize(2);
    assertThat(strangersView.statusCode()).isEqualTo(404);
    assertThat(strangersDelete.statusCode()).isEqualTo(404);
    assertThat(body(deleted).path("deleted").asBoolean()).isTrue();
    assertThat(get(owner, "/v1/webhooks/endpoints/" + id).statusCode()).isEqualTo(404);
    assertThat(body(get(owner, "/v1/webhooks/endpoints")).path("data")).isEmpty();
  }
}
