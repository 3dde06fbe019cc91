package io.coralbank.fx;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** FX rates, BCB quotes with the spread, and the dealing desk's referrals, over HTTP. */
class FxQuotesTest extends HttpIntegrationTest {

  private String token() {
    return bcbToken(newCredentials("{\"dialect\": \"bcb\"}"));
  }

  private HttpResponse<String> quote(String token, String query) {
    return send(request("/bcb/v1/fx-quotes" + query).header("Authorization", "Bearer " + token));
  }

  @Test
  void aQuoteIsTheMidRateLessTheSpreadWithTheAmountRoundedDown() {
    assertThat(admin("PUT", "/admin/v1/fx-rates/EUR/GBP", "{\"rate\": \"0.8600\"}").statusCode())
        .isEqualTo(200);

    HttpResponse<String> response =
        quote(token(), "?unitCurrency=EUR&currencyOfTransfer=GBP&instructedAmount=1000.01");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode quote = body(response);
    assertThat(quote.path("quoteId").asString()).isNotBlank();
    assertThat(quote.path("rate").asString()).isEqualTo("0.8557"); // 0.86 less 50 bp
    assertThat(quote.path("instructedAmount").path("amount").asString()).isEqualTo("1000.01");
    assertThat(quote.path("convertedAmount").path("amount").asString()).isEqualTo("855.70");
    assertThat(quote.path("convertedAmount").path("currency").asString()).isEqualTo("GBP");
    assertThat(quote.path("expiresAt").asString()).matches(".*-0[34]:00");
  }

  @Test
  void pairsWithoutTheirOwnRateArePricedInverselyOrThroughUsd() {
    String token = token();
    // The sandbox seeds USD rates: USD->EUR 0.92, USD->GBP 0.79.
    JsonNode inverse =
        body(quote(token, "?unitCurrency=EUR&currencyOfTransfer=USD&instructedAmount=92.00"));
    JsonNode cross =
        body(quote(token, "?unitCurrency=GBP&currencyOfTransfer=CAD&instructedAmount=100"));

    // 92.00 / 0.92 less 50 bp is 99.4999..., rounded down in the bank's favour.
    assertThat(inverse.path("convertedAmount").path("amount").asString()).isEqualTo("99.49");
    assertThat(cross.path("currencyOfTransfer").asString()).isEqualTo("CAD");
    assertThat(cross.path("convertedAmount").path("amount").asString()).isEqualTo("171.29");
  }

  @Test
  void theDocumentedValidationRulesAreEnforced() {
    String token = token();
    for (String query :
        List.of(
            "?unitCurrency=usd&currencyOfTransfer=EUR&instructedAmount=10",
            "?unitCurrency=USD&currencyOfTransfer=USD&instructedAmount=10",
            "?unitCurrency=USD&currencyOfTransfer=XYZ&instructedAmount=10",
            "?unitCurrency=USD&currencyOfTransfer=EUR&instructedAmount=10.001",
            "?unitCurrency=USD&currencyOfTransfer=EUR&instructedAmount=0",
            "?unitCurrency=USD&currencyOfTransfer=EUR")) {
      HttpResponse<String> response = quote(token, query);
      assertThat(response.statusCode()).as(query).isEqualTo(400);
      assertThat(body(response).path("error").asString()).as(query).isEqualTo("BAD_REQUEST");
    }
  }

  @Test
  void aHighValueRequestIsReferredAndTheDealersRateBecomesTheClientsQuote() {
    String token = token();
    String other = token();

    HttpResponse<String> referred =
        quote(token, "?unitCurrency=USD&currencyOfTransfer=EUR&instructedAmount=150000.00");

    assertThat(referred.statusCode()).isEqualTo(202);
    String referralId = body(referred).path("referralId").asString();
    assertThat(body(referred).path("status").asString()).isEqualTo("Referred");
    JsonNode pending = body(admin("GET", "/admin/v1/fx-referrals", null));
    assertThat(pending.path("data").toString()).contains(referralId);

    HttpResponse<String> tooLarge =
        admin(
            "POST",
            "/admin/v1/fx-referrals/" + referralId + "/quote",
            "{\"rate\": \"99999999999999999999\"}");
    assertThat(tooLarge.statusCode()).isEqualTo(400);
    assertThat(body(tooLarge).path("code").asString()).isEqualTo("converted_amount_too_large");

    HttpResponse<String> answered =
        admin("POST", "/admin/v1/fx-referrals/" + referralId + "/quote", "{\"rate\": \"0.9190\"}");
    assertThat(answered.statusCode()).isEqualTo(201);
    assertThat(body(answered).path("convertedAmount").asString()).isEqualTo("137850.00");

    JsonNode fetched =
        body(
            send(
                request("/bcb/v1/fx-referrals/" + referralId)
                    .header("Authorization", "Bearer " + token)));
    assertThat(fetched.path("status").asString()).isEqualTo("Quoted");
    assertThat(fetched.path("quote").path("rate").asString()).isEqualTo("0.919");
    assertThat(
            send(request("/bcb/v1/fx-referrals/" + referralId)
                    .header("Authorization", "Bearer " + other))
                .statusCode())
        .isEqualTo(404);
    assertThat(
            admin("POST", "/admin/v1/fx-referrals/" + referralId + "/quote", "{\"rate\": \"1\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void badRatesAreRefusedByTheAdminApi() {
    for (String body :
        List.of(
            "{\"rate\": \"0\"}",
            "{\"rate\": \"-1.2\"}",
            "{\"rate\": \"1e3\"}",
            "{\"rate\": \"100000000000000000000\"}",
            "{\"rate\": 1e308}",
            "{}")) {
      HttpResponse<String> response = admin("PUT", "/admin/v1/fx-rates/USD/EUR", body);
      assertThat(response.statusCode()).as(body).isEqualTo(400);
    }
    assertThat(admin("PUT", "/admin/v1/fx-rates/USD/USD", "{\"rate\": \"1\"}").statusCode())
        .isEqualTo(400);
  }
}
