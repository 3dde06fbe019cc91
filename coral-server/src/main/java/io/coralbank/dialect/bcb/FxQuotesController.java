package io.coralbank.dialect.bcb;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.coralbank.fx.FxQuote;
import io.coralbank.fx.FxQuotes;
import io.coralbank.fx.FxReferral;
import io.coralbank.fx.QuoteOutcome;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's FX quotes. Above 100,000 BMD no quote is returned: the request goes to the dealing desk
 * (202 with a referral), and its quote appears on the referral once a dealer has priced it.
 */
@RestController
class FxQuotesController {

  private static final Pattern ISO_CODE = Pattern.compile("[A-Z]{3}");
  // BCB: "Instructed amount must be a valid decimal number with up to 2 decimal places".
  private static final Asset TWO_DECIMALS = new Asset("XX", 2);

  private final FxQuotes quotes;
  private final AssetCatalogue assets;

  FxQuotesController(FxQuotes quotes, AssetCatalogue assets) {
    this.quotes = quotes;
    this.assets = assets;
  }

  /** A quote as BCB shows it. */
  record Quote(
      String quoteId,
      String unitCurrency,
      String currencyOfTransfer,
      String rate,
      AccountViews.Amount instructedAmount,
      AccountViews.Amount convertedAmount,
      String expiresAt) {}

  /** A request referred to the dealing desk. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Referral(String referralId, String status, String message, Quote quote) {}

  @RequiresPermission("get-fx-quotes")
  @GetMapping(
      path = "/v1/fx-quotes",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  ResponseEntity<Object> quote(
      @RequestParam(required = false) String unitCurrency,
      @RequestParam(required = false) String currencyOfTransfer,
      @RequestParam(required = false) String instructedAmount,
      Caller caller) {
    Asset unit = currency("unitCurrency", unitCurrency);
    Asset to = currency("currencyOfTransfer", currencyOfTransfer);
    if (unit.equals(to)) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, "unitCurrency and currencyOfTransfer must differ.");
    }
    long amount;
    try {
      Amounts.parse(instructedAmount, TWO_DECIMALS);
      amount = Amounts.parse(instructedAmount, unit);
    } catch (InvalidAmountException invalid) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST,
          "instructedAmount must be a decimal number with up to 2 decimal places.");
    }
    if (amount <= 0) {
      throw new RequestRefused(FailureKind.MALFORMED_REQUEST, "instructedAmount must be positive.");
    }
    return switch (quotes.quote(caller.customerId(), unit, to, amount)) {
      case QuoteOutcome.Quoted quoted -> ResponseEntity.ok(render(quoted.quote()));
      case QuoteOutcome.Referred referred ->
          ResponseEntity.accepted().body(render(referred.referral(), null));
      case QuoteOutcome.NoRate none ->
          throw new BcbRejections.Refusal(
              400, "FX_RATE_NOT_AVAILABLE", "No rate is available for this currency pair.");
    };
  }

  @RequiresPermission("get-fx-quotes")
  @GetMapping(
      path = "/v1/fx-referrals/{referralId}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  Referral referral(@PathVariable String referralId, Caller caller) {
    FxReferral referral =
        parse(referralId)
            .flatMap(id -> quotes.referralOf(caller.customerId(), id))
            .orElseThrow(
                () -> new RequestRefused(FailureKind.ROUTE_NOT_FOUND, "Referral not found"));
    Quote quote =
        referral.quoted()
            ? quotes.quoteOf(caller.customerId(), referral.quoteId()).map(this::render).orElse(null)
            : null;
    return render(referral, quote);
  }

  private Referral render(FxReferral referral, Quote quote) {
    return new Referral(
        referral.id().toString(),
        referral.quoted() ? "Quoted" : "Referred",
        referral.quoted()
            ? "The dealing desk has priced this request."
            : "Amounts above 100,000 BMD are priced by the dealing desk; the quote will appear"
                + " on this referral.",
        quote);
  }

  private Quote render(FxQuote quote) {
    Asset unit = assets.find(quote.unitCurrency()).orElseThrow();
    Asset to = assets.find(quote.transferCurrency()).orElseThrow();
    return new Quote(
        quote.id().toString(),
        quote.unitCurrency(),
        quote.transferCurrency(),
        quote.rate().stripTrailingZeros().toPlainString(),
        new AccountViews.Amount(Amounts.format(quote.instructedAmount(), unit), unit.code()),
        new AccountViews.Amount(Amounts.format(quote.convertedAmount(), to), to.code()),
        BcbTime.format(quote.expiresAt()));
  }

  private Asset currency(String name, String code) {
    if (code == null || !ISO_CODE.matcher(code).matches()) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, name + " must be a three-letter ISO 4217 code.");
    }
    return assets
        .find(code)
        .orElseThrow(
            () ->
                new RequestRefused(
                    FailureKind.MALFORMED_REQUEST, name + " is not an ISO 4217 currency."));
  }

  private static java.util.Optional<UUID> parse(String id) {
    try {
      return java.util.Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException notAnId) {
      return java.util.Optional.empty();
    }
  }
}
