package io.coralbank.dialect.cayman;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Cayman wallets and transfers over HTTP: IBAN and crypto transfers held, then settled or failed by
 * the simulated network as the clock moves; wallet-to-wallet transfers at once.
 */
@Import(CaymanSandboxTest.FixedClock.class)
class CaymanTransfersTest extends CaymanSandboxTest {

  @Test
  void walletsShowTheirAvailableAndHeldBalancesAtTheAssetsScale() {
    Customer owner = customer();
    String usd = wallet(owner, "USD", "12450.32");
    String btc = wallet(owner, "BTC", "0.4235");

    JsonNode list = body(get(owner, "/v1/wallets"));
    JsonNode one = body(get(owner, "/v1/wallets/" + btc));

    assertThat(list.path("data")).hasSize(2);
    assertThat(list.path("has_more").asBoolean()).isFalse();
    assertThat(list.path("next_cursor").isNull()).isTrue();
    assertThat(list.path("data").get(0).path("id").asString())
        .isEqualTo(usd)
        .matches("wal_[0-9A-Z]{26}");
    assertThat(list.path("data").get(0).path("available_balance").asString()).isEqualTo("12450.32");
    assertThat(one.path("currency").asString()).isEqualTo("BTC");
    assertThat(one.path("available_balance").asString()).isEqualTo("0.42350000");
    assertThat(one.path("hold_balance").asString()).isEqualTo("0.00000000");
    assertThat(one.path("updated_at").asString()).isEqualTo("2026-03-02T12:00:00Z");
    JsonNode page = body(get(owner, "/v1/wallets?limit=1"));
    assertThat(page.path("has_more").asBoolean()).isTrue();
    assertThat(page.path("next_cursor").asString()).isEqualTo(usd);
    JsonNode next = body(get(owner, "/v1/wallets?limit=1&cursor=" + usd));
    assertThat(next.path("data").get(0).path("id").asString()).isEqualTo(btc);
  }

  @Test
  void anIbanTransferIsHeldUntilTheNetworkSettlesIt() {
    Customer owner = customer();
    String eur = wallet(owner, "EUR", "832.12");

    HttpResponse<String> response =
        post(owner, "/v1/transfers", iban("250.00", "EUR", "SEPA", "Muster GmbH"), null);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode transfer = body(response);
    String id = transfer.path("id").asString();
    assertThat(id).matches("tr_[0-9A-Z]{26}");
    assertThat(transfer.path("status").asString()).isEqualTo("PENDING");
    assertThat(transfer.path("amount").asString()).isEqualTo("250.00");
    assertThat(transfer.path("currency").asString()).isEqualTo("EUR");
    assertThat(transfer.path("created_at").asString()).isEqualTo("2026-03-02T12:00:00Z");
    assertThat(transfer.path("source_wallet").asString()).isEqualTo(eur);
    assertThat(transfer.path("destination").path("iban").asString()).isEqualTo(IBAN);
    assertThat(transfer.path("destination").path("system").asString()).isEqualTo("SEPA");
    assertThat(transfer.path("reference").asString()).isEqualTo("Invoice #1024");
    assertThat(balances(owner, eur)).containsExactly("582.12", "250.00");

    JsonNode settled =
        advanceUntil(owner, "/v1/transfers/" + id, Duration.ofMinutes(11), status("COMPLETED"));

    assertThat(settled.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(balances(owner, eur)).containsExactly("582.12", "0.00");
    assertThat(body(admin("GET", "/admin/v1/ledger/check", null)).path("ok").asBoolean()).isTrue();
  }

  @Test
  void aCryptoTransferTheNetworkRejectsFailsAndReleasesItsHold() {
    Customer owner = customer();
    String btc = wallet(owner, "BTC", "0.5");

    JsonNode transfer =
        body(
            post(
                owner,
                "/v1/transfers",
                crypto("0.01", "BTC", "bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
                null));
    assertThat(balances(owner, btc)).containsExactly("0.49000000", "0.01000000");

    JsonNode failed =
        advanceUntil(
            owner,
            "/v1/transfers/" + transfer.path("id").asString(),
            Duration.ofMinutes(11),
            status("FAILED"));

    assertThat(failed.path("status").asString()).isEqualTo("FAILED");
    assertThat(failed.path("failure_reason").asString()).contains("rejected");
    assertThat(failed.path("destination").path("network").asString()).isEqualTo("bitcoin");
    assertThat(balances(owner, btc)).containsExactly("0.50000000", "0.00000000");
  }

  @Test
  void anIbanTransferTheBeneficiaryBankRejectsFailsAndACryptoTransferCompletes() {
    Customer owner = customer();
    String usd = wallet(owner, "USD", "100.00");
    String btc = wallet(owner, "BTC", "1");
    String rejected =
        body(post(owner, "/v1/transfers", iban("40", "USD", "SWIFT", "FAIL Trading"), null))
            .path("id")
            .asString();
    String sent =
        body(post(owner, "/v1/transfers", crypto("0.25", "BTC", "bitcoin", BTC_ADDRESS), null))
            .path("id")
            .asString();
    assertThat(balances(owner, usd)).containsExactly("60.00", "40.00");
    assertThat(balances(owner, btc)).containsExactly("0.75000000", "0.25000000");

    JsonNode failed =
        advanceUntil(owner, "/v1/transfers/" + rejected, Duration.ofMinutes(11), status("FAILED"));
    JsonNode completed =
        advanceUntil(owner, "/v1/transfers/" + sent, Duration.ZERO, status("COMPLETED"));

    assertThat(failed.path("status").asString()).isEqualTo("FAILED");
    assertThat(completed.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(balances(owner, usd)).containsExactly("100.00", "0.00");
    assertThat(balances(owner, btc)).containsExactly("0.75000000", "0.00000000");
    assertThat(get(customer(), "/v1/wallets/" + usd).statusCode()).isEqualTo(404);
  }

  @Test
  void aTransferToAnotherWalletCompletesAtOnce() {
    Customer payer = customer();
    Customer payee = customer();
    String from = wallet(payer, "USD", "100.00");
    String to = wallet(payee, "USD", null);

    JsonNode transfer =
        body(
            post(
                payer,
                "/v1/transfers",
                "{\"amount\": \"40.00\", \"currency\": \"USD\", \"source_wallet\": \""
                    + from
                    + "\", \"destination\": {\"type\": \"wallet\", \"wallet_id\": \""
                    + to
                    + "\"}}",
                null));

    assertThat(transfer.path("status").asString()).isEqualTo("COMPLETED");
    assertThat(transfer.path("destination").path("wallet_id").asString()).isEqualTo(to);
    assertThat(balances(payer, from)).containsExactly("60.00", "0.00");
    assertThat(balances(payee, to)).containsExactly("40.00", "0.00");
  }

  @Test
  void eachRefusalIsACaymanErrorWithTheRequestIdAndHoldsNothing() {
    Customer owner = customer();
    String usd = wallet(owner, "USD", "100.00");
    wallet(owner, "BTC", "1");
    String theirs = wallet(customer(), "USD", "100.00");

    record Case(String body, int status, String code) {}
    for (Case refused :
        List.of(
            new Case(iban("100.01", "USD", "SWIFT", "A"), 422, "insufficient_funds"),
            new Case(iban("1.001", "USD", "SWIFT", "A"), 400, "validation_error"),
            new Case(iban("-1", "USD", "SWIFT", "A"), 400, "validation_error"),
            new Case(iban("0", "USD", "SWIFT", "A"), 400, "validation_error"),
            new Case(iban("1", "XYZ", "SWIFT", "A"), 400, "validation_error"),
            new Case(iban("1", "USD", "SEPA", "A"), 400, "validation_error"),
            new Case(iban("1", "USD", "ACH", "A"), 400, "validation_error"),
            new Case(
                iban("1", "USD", "SWIFT", "A").replace(IBAN, "DE89370400440532013001"),
                400,
                "validation_error"),
            new Case(iban("1", "GBP", "SWIFT", "A"), 400, "validation_error"),
            new Case(
                crypto("0.1", "BTC", "ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
                400,
                "validation_error"),
            new Case(
                crypto("0.1", "BTC", "bitcoin", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"),
                400,
                "validation_error"),
            new Case(crypto("0.1", "BTC", "dogecoin", BTC_ADDRESS), 400, "validation_error"),
            new Case("{\"amount\": \"1\", \"currency\": \"USD\"}", 400, "validation_error"),
            new Case(
                "{\"amount\": \"1\", \"currency\": \"USD\", \"source_wallet\": \""
                    + theirs
                    + "\", \"destination\": {\"type\": \"wallet\", \"wallet_id\": \""
                    + usd
                    + "\"}}",
                404,
                "not_found"),
            new Case(
                "{\"amount\": \"1\", \"currency\": \"USD\", \"destination\": {\"type\": \"wallet\", \"wallet_id\": \""
                    + usd
                    + "\"}}",
                400,
                "validation_error"),
            new Case(
                "{\"amount\": \"1\", \"currency\": \"USD\", \"destination\": {\"type\": \"wallet\", \"wallet_id\": \"wal_nope\"}}",
                400,
                "validation_error"))) {
      HttpResponse<String> response = post(owner, "/v1/transfers", refused.body(), null);

      assertThat(response.statusCode()).as(refused.body()).isEqualTo(refused.status());
      JsonNode error = body(response).path("error");
      assertThat(error.path("code").asString()).as(refused.body()).isEqualTo(refused.code());
      assertThat(error.path("message").asString()).isNotBlank();
      assertThat(error.path("request_id").asString())
          .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }
    assertThat(balances(owner, usd)).containsExactly("100.00", "0.00");
    assertThat(body(get(owner, "/v1/transfers")).path("data")).isEmpty();
  }

  @Test
  void aPendingTransferCanBeCanceledAndAFinishedOneCannot() {
    Customer owner = customer();
    String usd = wallet(owner, "USD", "100.00");
    String pending =
        body(post(owner, "/v1/transfers", iban("30", "USD", "SWIFT", "PEND Holdings"), null))
            .path("id")
            .asString();
    assertThat(balances(owner, usd)).containsExactly("70.00", "30.00");

    HttpResponse<String> canceled = post(owner, "/v1/transfers/" + pending + "/cancel", null, null);
    HttpResponse<String> again = post(owner, "/v1/transfers/" + pending + "/cancel", null, null);

    assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
    assertThat(body(canceled).path("status").asString()).isEqualTo("CANCELED");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(body(again).path("error").path("code").asString()).isEqualTo("transfer_not_pending");
    assertThat(balances(owner, usd)).containsExactly("100.00", "0.00");
    assertThat(post(customer(), "/v1/transfers/" + pending + "/cancel", null, null).statusCode())
        .isEqualTo(404);
  }

  @Test
  void transfersPageNewestFirstAndFilterByStatusCurrencyAndCreationTime() {
    Customer owner = customer();
    wallet(owner, "USD", "100.00");
    wallet(owner, "BTC", "1");
    String first =
        body(post(owner, "/v1/transfers", iban("1", "USD", "SWIFT", "A"), null))
            .path("id")
            .asString();
    clock.set(START.plusSeconds(60));
    String second =
        body(post(owner, "/v1/transfers", crypto("0.1", "BTC", "bitcoin", BTC_ADDRESS), null))
            .path("id")
            .asString();
    clock.set(START.plusSeconds(120));
    String third =
        body(post(owner, "/v1/transfers", iban("3", "USD", "SWIFT", "PEND A"), null))
            .path("id")
            .asString();

    JsonNode page = body(get(owner, "/v1/transfers?limit=2"));
    JsonNode rest =
        body(get(owner, "/v1/transfers?limit=2&cursor=" + page.path("next_cursor").asString()));

    assertThat(page.path("data").get(0).path("id").asString()).isEqualTo(third);
    assertThat(page.path("data").get(1).path("id").asString()).isEqualTo(second);
    assertThat(page.path("has_more").asBoolean()).isTrue();
    assertThat(rest.path("data").get(0).path("id").asString()).isEqualTo(first);
    assertThat(rest.path("has_more").asBoolean()).isFalse();
    assertThat(body(get(owner, "/v1/transfers?currency=BTC")).path("data")).hasSize(1);
    assertThat(
            body(get(
                    owner,
                    "/v1/transfers?created[gte]=2026-03-02T12:01:00Z&created[lte]=2026-03-02T12:01:30Z"))
                .path("data")
                .get(0)
                .path("id")
                .asString())
        .isEqualTo(second);
    assertThat(body(get(owner, "/v1/transfers?status=COMPLETED")).path("data")).isEmpty();
    assertThat(get(owner, "/v1/transfers?status=DONE").statusCode()).isEqualTo(400);
    assertThat(get(owner, "/v1/transfers?limit=101").statusCode()).isEqualTo(400);
    assertThat(get(customer(), "/v1/transfers/" + first).statusCode()).isEqualTo(404);
    assertThat(get(customer(), "/v1/transfers?cursor=" + first).statusCode()).isEqualTo(400);
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyCreatesOneTransfer() {
    Customer owner = customer();
    String usd = wallet(owner, "USD", "100.00");
    String key = UUID.randomUUID().toString();

    HttpResponse<String> first = post(owner, "/v1/transfers", iban("10", "USD", "SWIFT", "A"), key);
    HttpResponse<String> retry = post(owner, "/v1/transfers", iban("10", "USD", "SWIFT", "A"), key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(balances(owner, usd)).containsExactly("90.00", "10.00");
    assertThat(body(get(owner, "/v1/transfers")).path("data")).hasSize(1);
  }

  @Test
  void readingNeedsTheReadScopeAndWritingTheWriteScope() {
    Customer reader = customer("[\"wallets:read\", \"transfers:read\"]");
    wallet(reader, "USD", "10.00");

    assertThat(post(reader, "/v1/transfers", iban("1", "USD", "SWIFT", "A"), null).statusCode())
        .isEqualTo(403);
    assertThat(get(reader, "/v1/transfers").statusCode()).isEqualTo(200);
  }
}
