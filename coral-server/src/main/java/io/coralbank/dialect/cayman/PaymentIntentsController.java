package io.coralbank.dialect.cayman;

import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.PaymentIntent;
import io.coralbank.payments.PaymentIntents;
import io.coralbank.payments.TestCards;
import io.coralbank.web.Caller;
import io.coralbank.web.PublicEndpoint;
import io.coralbank.web.RequiresPermission;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Payment intents: the merchant creates, reads and cancels them with its key; a payer confirms one
 * with the client secret and a card, or a customer of the bank pays it from its own wallet.
 */
@RestController
class PaymentIntentsController {

  static final int MAXIMUM_METADATA_KEYS = 50;
  static final int MAXIMUM_KEY_LENGTH = 40;
  static final int MAXIMUM_VALUE_LENGTH = 500;

  private final PaymentIntents intents;
  private final AssetCatalogue assets;
  private final Clock clock;

  PaymentIntentsController(PaymentIntents intents, AssetCatalogue assets, Clock clock) {
    this.intents = intents;
    this.assets = assets;
    this.clock = clock;
  }

  @RequiresPermission("payment_intents:write")
  @PostMapping(
      path = "/v1/payments/intents",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentIntentView create(@RequestBody PaymentIntentRequest request, Caller caller) {
    Asset asset = CaymanAmounts.asset(assets, request.currency(), "currency");
    long amount = CaymanAmounts.parse(request.amount(), asset);
    if (request.description() != null && request.description().length() > 1000) {
      throw CaymanRefusal.invalid("description must be at most 1000 characters.");
    }
    Map<String, String> metadata = metadata(request.metadata());
    PaymentIntents.Created created =
        intents
            .create(caller.customerId(), asset.code(), amount, request.description(), metadata)
            .orElseThrow(
                () ->
                    CaymanRefusal.invalid(
                        "You have no wallet in " + asset.code() + " to receive the payment."));
    return view(created.intent(), created.clientSecret());
  }

  @RequiresPermission("payment_intents:read")
  @GetMapping(path = "/v1/payments/intents", produces = MediaType.APPLICATION_JSON_VALUE)
  CaymanList<PaymentIntentView> list(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      Caller caller) {
    int size = CaymanList.limit(limit);
    if (cursor != null && intents.findForCustomer(caller.customerId(), cursor).isEmpty()) {
      throw CaymanRefusal.invalid("cursor is not one of your payment intents.");
    }
    return CaymanList.of(
        intents.page(caller.customerId(), cursor, size + 1),
        size,
        intent -> view(intent, null),
        PaymentIntent::id);
  }

  @RequiresPermission("payment_intents:read")
  @GetMapping(path = "/v1/payments/intents/{intentId}", produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentIntentView intent(@PathVariable String intentId, Caller caller) {
    return intents
        .findForCustomer(caller.customerId(), intentId)
        .map(intent -> view(intent, null))
        .orElseThrow(() -> notFound(intentId));
  }

  @RequiresPermission("payment_intents:write")
  @PostMapping(
      path = "/v1/payments/intents/{intentId}/cancel",
      produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentIntentView cancel(@PathVariable String intentId, Caller caller) {
    return view(answer(intents.cancel(caller.customerId(), intentId), intentId), null);
  }

  /** The payer's confirmation with a card: public, authorised by the client secret alone. */
  @PublicEndpoint
  @PostMapping(
      path = "/v1/payments/intents/{intentId}/confirm",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentIntentView.ForPayer confirm(
      @PathVariable String intentId, @RequestBody ConfirmRequest request) {
    if (request.clientSecret() == null) {
      throw CaymanRefusal.invalid("client_secret is required.");
    }
    ConfirmRequest.PaymentMethod method = request.paymentMethod();
    if (method == null || !"card".equals(method.type()) || method.card() == null) {
      throw CaymanRefusal.invalid(
          "payment_method must be {\"type\": \"card\", \"card\": {...}}; to pay from a wallet use"
              + " POST /v1/payments/intents/{id}/pay with your API key.");
    }
    ConfirmRequest.Card card = method.card();
    TestCards.problem(
            card.number(),
            card.expMonth(),
            card.expYear(),
            card.cvc(),
            YearMonth.from(clock.instant().atZone(ZoneOffset.UTC)))
        .ifPresent(
            problem -> {
              throw CaymanRefusal.invalid(problem);
            });
    PaymentIntent intent =
        answer(intents.confirmWithCard(intentId, request.clientSecret(), card.number()), intentId);
    return forPayer(intent);
  }

  /** A customer of the bank pays the intent from its own wallet. */
  @RequiresPermission("transfers:write")
  @PostMapping(
      path = "/v1/payments/intents/{intentId}/pay",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentIntentView.ForPayer pay(
      @PathVariable String intentId, @RequestBody ConfirmRequest request, Caller caller) {
    if (request.clientSecret() == null
        || !request.clientSecret().startsWith(intentId + "_secret_")) {
      throw notFound(intentId);
    }
    return forPayer(
        answer(
            intents.payFromWallet(
                intentId, request.clientSecret(), caller.customerId(), request.sourceWallet()),
            intentId));
  }

  private PaymentIntent answer(PaymentIntents.Outcome outcome, String intentId) {
    return switch (outcome) {
      case PaymentIntents.Outcome.Done done -> done.intent();
      case PaymentIntents.Outcome.NotFound notFound -> throw notFound(intentId);
      case PaymentIntents.Outcome.WrongState wrong ->
          throw new CaymanRefusal(
              409,
              "payment_intent_unexpected_state",
              "The payment intent is " + wrong.intent().status().name() + ".");
      case PaymentIntents.Outcome.Refused refused -> throw CaymanRejections.of(refused.rejection());
      case PaymentIntents.Outcome.NoWallet noWallet ->
          throw CaymanRefusal.invalid(
              "source_wallet is not one of your wallets, or you have no wallet in the intent's"
                  + " currency.");
    };
  }

  private static Map<String, String> metadata(JsonNode metadata) {
    Map<String, String> result = new LinkedHashMap<>();
    if (metadata == null || metadata.isNull()) {
      return result;
    }
    if (!metadata.isObject() || metadata.size() > MAXIMUM_METADATA_KEYS) {
      throw CaymanRefusal.invalid(
          "metadata must be an object of at most " + MAXIMUM_METADATA_KEYS + " string values.");
    }
    for (Map.Entry<String, JsonNode> entry : metadata.properties()) {
      if (entry.getKey().isEmpty()
          || entry.getKey().length() > MAXIMUM_KEY_LENGTH
          || !entry.getValue().isString()
          || entry.getValue().asString().length() > MAXIMUM_VALUE_LENGTH) {
        throw CaymanRefusal.invalid(
            "metadata keys must be 1 to "
                + MAXIMUM_KEY_LENGTH
                + " characters and values strings of at most "
                + MAXIMUM_VALUE_LENGTH
                + ".");
      }
      result.put(entry.getKey(), entry.getValue().asString());
    }
    return result;
  }

  private static CaymanRefusal notFound(String intentId) {
    return CaymanRefusal.notFound("No such payment intent: " + intentId);
  }

  private PaymentIntentView.ForPayer forPayer(PaymentIntent intent) {
    Asset asset = assets.find(intent.currency()).orElseThrow();
    return new PaymentIntentView.ForPayer(
        intent.id(),
        intent.status().name(),
        CaymanAmounts.format(intent.amount(), asset),
        intent.currency(),
        intent.failureReason());
  }

  PaymentIntentView view(PaymentIntent intent, String clientSecret) {
    return PaymentIntentViews.view(intent, clientSecret, assets);
  }
}
