package io.coralbank.dialect.admin;

import io.coralbank.fx.FxQuote;
import io.coralbank.fx.FxQuotes;
import io.coralbank.fx.FxRates;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.web.JsonAmounts;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Mid rates, and the dealing desk's queue of high-value FX requests. */
@RestController
class FxController {

  private final FxRates rates;
  private final FxQuotes quotes;
  private final AssetCatalogue assets;
  private final Clock clock;

  FxController(FxRates rates, FxQuotes quotes, AssetCatalogue assets, Clock clock) {
    this.rates = rates;
    this.quotes = quotes;
    this.assets = assets;
    this.clock = clock;
  }

  /** {@code {"rate": "1.0850"}}: units of the quote currency per one base. */
  record RateRequest(JsonNode rate) {}

  record Rate(String baseCurrency, String quoteCurrency, String rate, String updatedAt) {}

  record Referral(
      String id,
      String customerId,
      String unitCurrency,
      String currencyOfTransfer,
      String instructedAmount,
      String createdAt) {}

  record Referrals(List<Referral> data) {}

  record Quote(
      String quoteId,
      String customerId,
      String rate,
      String instructedAmount,
      String convertedAmount,
      String expiresAt) {}

  @PutMapping(
      path = "/v1/fx-rates/{baseCurrency}/{quoteCurrency}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  Rate setRate(
      @PathVariable String baseCurrency,
      @PathVariable String quoteCurrency,
      @RequestBody RateRequest request) {
    if (assets.find(baseCurrency).isEmpty() || assets.find(quoteCurrency).isEmpty()) {
      throw AdminProblem.badRequest(
          "currency_must_be_supported", "Both currencies must be ones the bank holds.");
    }
    if (baseCurrency.equals(quoteCurrency)) {
      throw AdminProblem.badRequest("currencies_must_differ", "A rate needs two currencies.");
    }
    BigDecimal rate = rate(request.rate());
    rates.set(baseCurrency, quoteCurrency, rate);
    return new Rate(baseCurrency, quoteCurrency, rate.toPlainString(), clock.instant().toString());
  }

  @GetMapping(path = "/v1/fx-referrals", produces = MediaType.APPLICATION_JSON_VALUE)
  Referrals referrals() {
    return new Referrals(
        quotes.pendingReferrals().stream()
            .map(
                referral ->
                    new Referral(
                        referral.id().toString(),
                        referral.customerId().toString(),
                        referral.unitCurrency(),
                        referral.transferCurrency(),
                        io.coralbank.kernel.money.Amounts.format(
                            referral.instructedAmount(),
                            assets.find(referral.unitCurrency()).orElseThrow()),
                        referral.createdAt().toString()))
            .toList());
  }

  @PostMapping(
      path = "/v1/fx-referrals/{referralId}/quote",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Quote answer(@PathVariable String referralId, @RequestBody RateRequest request) {
    BigDecimal rate = rate(request.rate());
    UUID id;
    try {
      id = UUID.fromString(referralId);
    } catch (IllegalArgumentException notAnId) {
      throw AdminProblem.notFound("referral_not_found", "No pending referral has this id.");
    }
    FxQuote quote;
    try {
      quote =
          quotes
              .answer(id, rate)
              .orElseThrow(
                  () ->
                      AdminProblem.notFound(
                          "referral_not_found", "No pending referral has this id."));
    } catch (ArithmeticException tooLarge) {
      // The conversion did not fit in a long of minor units; the transaction rolled back.
      throw AdminProblem.badRequest(
          "converted_amount_too_large",
          "At this rate the referral's amount converts to more than an account can hold.");
    }
    var unit = assets.find(quote.unitCurrency()).orElseThrow();
    var to = assets.find(quote.transferCurrency()).orElseThrow();
    return new Quote(
        quote.id().toString(),
        quote.customerId().toString(),
        quote.rate().stripTrailingZeros().toPlainString(),
        io.coralbank.kernel.money.Amounts.format(quote.instructedAmount(), unit),
        io.coralbank.kernel.money.Amounts.format(quote.convertedAmount(), to),
        quote.expiresAt().toString());
  }

  private static BigDecimal rate(JsonNode node) {
    String text = JsonAmounts.text(node);
    try {
      BigDecimal rate = new BigDecimal(text);
      // Rates are kept as numeric(30, 10): ten places, and under 10^20.
      if (rate.signum() <= 0
          || rate.scale() > 10
          || rate.precision() - rate.scale() > 20
          || text.contains("e")
          || text.contains("E")) {
        throw new NumberFormatException();
      }
      return rate;
    } catch (NumberFormatException | NullPointerException invalid) {
      throw AdminProblem.badRequest(
          "rate_must_be_a_positive_decimal",
          "rate must be a positive decimal under 10^20 with at most 10 places.");
    }
  }
}
