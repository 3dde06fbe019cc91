package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.SettableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * What the BCB payment tests share: a network that settles after 10 minutes and returns after 20, a
 * clock that starts every test on a Tuesday morning in Bermuda, and helpers that pay, read and move
 * the clock. The test classes that extend it share one server.
 */
@TestPropertySource(
    properties = {
      "coral.rails.settlement-delay=10m",
      "coral.rails.return-delay=20m",
      "coral.rails.poll-interval=50ms"
    })
@Import(BcbPaymentsFixture.FixedClock.class)
abstract class BcbPaymentsFixture extends HttpIntegrationTest {

  /** Tuesday 7 January 2025, 11:00 in Bermuda (AST, UTC-4): before every same-day cut-off. */
  static final Instant TUESDAY_MORNING = Instant.parse("2025-01-07T15:00:00Z");

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock(TUESDAY_MORNING);
    }
  }

  @Autowired SettableClock clock;

  record Customer(String id, String token) {}

  @BeforeEach
  void startOnTuesdayMorning() {
    clock.set(TUESDAY_MORNING);
  }

  Customer customer(String permissions) {
    String id = newCustomer();
    return new Customer(id, bcbToken(newCredentials(id, "bcb", permissions)));
  }

  Customer customer() {
    return customer(null);
  }

  String account(Customer customer, String currency, String funding) {
    return openAccount(customer.id(), currency, "CURRENT", funding);
  }

  HttpResponse<String> post(Customer caller, String path, String body, String key) {
    HttpRequest.Builder request =
        request("/bcb" + path)
            .header("Authorization", "Bearer " + caller.token())
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> read(Customer caller, String path) {
    return send(request("/bcb" + path).header("Authorization", "Bearer " + caller.token()));
  }

  static String swift(String debtor, String currency, String amount, String creditor) {
    return """
        {"instructionIdentification": "PAYMENT-123456",
         "debtorAccount": {"identification": "%s"},
         "instructedAmount": {"currency": "%s", "amount": %s},
         "creditorAccount": {"identification": "%s", "name": "John Doe",
                             "additionalInformation": ["Additional details"]},
         "creditorAgent": {"identification": "BANKBIC123", "name": "Beneficiary Bank",
                           "additionalInformation": ["SWIFT/BIC code"]},
         "chargesType": "OUR", "remittanceInformation": ["Payment for services"]}
        """
        .formatted(debtor, currency, amount, creditor);
  }

  static String ach(String debtor, String currency, String amount, String bank) {
    return """
        {"instructionIdentification": "ACH-77",
         "debtorAccount": {"identification": "%s"},
         "debitCurrency": "%s",
         "instructedAmount": {"currency": "%s", "amount": "%s"},
         "creditorAccount": {"identification": "20006789", "name": "Island Supplies Ltd"},
         "creditorBank": {"bankCode": "%s", "currency": "%s"},
         "remittanceInformation": ["Invoice 881"]}
        """
        .formatted(debtor, currency, currency, amount, bank, currency);
  }

  /** Posted, available and held amounts of the account, as BCB's account details show them. */
  List<String> balances(Customer owner, String number) {
    JsonNode details = body(read(owner, "/v1/accounts/" + number));
    String available = null;
    String hold = null;
    for (JsonNode attribute : details.path("accountAttributes")) {
      switch (attribute.path("name").asString()) {
        case "AVAILABLE_BALANCE" -> available = attribute.path("value").asString();
        case "HOLD_AMOUNT" -> hold = attribute.path("value").asString();
        default -> {}
      }
    }
    return List.of(details.path("balance").path("amount").asString(), available, hold);
  }

  JsonNode status(Customer owner, String paymentId) {
    return body(read(owner, "/v1/payments/" + paymentId + "/status"));
  }

  /** Moves the clock and waits until the network's job has given the payment {@code expected}. */
  JsonNode advanceUntil(Customer owner, String paymentId, Duration advance, String expected) {
    clock.set(clock.instant().plus(advance));
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    JsonNode status = status(owner, paymentId);
    while (!status.path("status").asString().equals(expected) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(interrupted);
      }
      status = status(owner, paymentId);
    }
    return status;
  }

  void ledgerBalances() {
    assertThat(body(admin("GET", "/admin/v1/ledger/check", null)).path("ok").asBoolean()).isTrue();
  }
}
