package io.coralbank.dialect.cayman;

import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.SettableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Cayman wallets and transfers over HTTP: IBAN and crypto transfers held, then settled or failed by
 * the simulated network as the clock moves; wallet-to-wallet transfers at once.
 */
@TestPropertySource(
    properties = {
      "coral.rails.settlement-delay=10m",
      "coral.rails.poll-interval=50ms",
      "coral.webhooks.poll-interval=50ms",
      "coral.webhooks.first-retry-delay=30s"
    })
abstract class CaymanSandboxTest extends HttpIntegrationTest {

  static final Instant START = Instant.parse("2026-03-02T12:00:00Z");
  static final String IBAN = "DE89370400440532013000";
  static final String BTC_ADDRESS =
      "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0";

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock(START);
    }
  }

  @Autowired SettableClock clock;

  record Customer(String id, String key) {}

  @BeforeEach
  void startAtNoon() {
    clock.set(START);
  }

  Customer customer(String permissions) {
    String id = newCustomer();
    return new Customer(id, newCredentials(id, "cayman", permissions).path("apiKey").asString());
  }

  Customer customer() {
    return customer(null);
  }

  /** Opens a funded wallet and returns its {@code wal_} id. */
  String wallet(Customer owner, String currency, String funding) {
    openAccount(owner.id(), currency, "WALLET", funding);
    JsonNode wallets = body(get(owner, "/v1/wallets?limit=100"));
    for (JsonNode wallet : wallets.path("data")) {
      if (wallet.path("currency").asString().equals(currency)) {
        return wallet.path("id").asString();
      }
    }
    throw new IllegalStateException("The wallet was not listed");
  }

  HttpResponse<String> get(Customer caller, String path) {
    return send(request("/cayman" + path).header("Authorization", "Bearer " + caller.key()));
  }

  HttpResponse<String> post(Customer caller, String path, String body, String key) {
    HttpRequest.Builder request =
        request("/cayman" + path)
            .header("Authorization", "Bearer " + caller.key())
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(
        request.POST(
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  static String iban(String amount, String currency, String system, String name) {
    return """
        {"amount": "%s", "currency": "%s",
         "destination": {"type": "iban", "iban": "%s", "system": "%s", "name": "%s"},
         "reference": "Invoice #1024"}
        """
        .formatted(amount, currency, IBAN, system, name);
  }

  static String crypto(String amount, String currency, String network, String address) {
    return """
        {"amount": "%s", "currency": "%s",
         "destination": {"type": "crypto_address", "network": "%s", "address": "%s"}}
        """
        .formatted(amount, currency, network, address);
  }

  /** Available and hold balance of the wallet. */
  List<String> balances(Customer owner, String walletId) {
    JsonNode wallet = body(get(owner, "/v1/wallets/" + walletId));
    return List.of(
        wallet.path("available_balance").asString(), wallet.path("hold_balance").asString());
  }

  JsonNode advanceUntil(Customer owner, String path, Duration advance, Predicate<JsonNode> done) {
    clock.set(clock.instant().plus(advance));
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode state = body(get(owner, path));
    while (!done.test(state) && System.nanoTime() < deadline) {
      sleep(50);
      state = body(get(owner, path));
    }
    return state;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  static Predicate<JsonNode> status(String status) {
    return transfer -> transfer.path("status").asString().equals(status);
  }
}
