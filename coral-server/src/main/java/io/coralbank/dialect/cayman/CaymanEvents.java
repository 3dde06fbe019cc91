package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.f4b6a3.ulid.UlidCreator;
import io.coralbank.events.DomainEvent;
import io.coralbank.events.EventRenderer;
import io.coralbank.events.RenderedEvent;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.Payment;
import io.coralbank.payments.PaymentIntent;
import io.coralbank.payments.PaymentIntents;
import io.coralbank.payments.Payments;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cayman's events: {@code {"id": "evt_...", "type", "created_at", "data": {"object": {...}}}}, the
 * object as the change left it. Transfers report {@code transfer.completed}, {@code
 * transfer.failed}, {@code transfer.canceled} and {@code transfer.returned}, payment intents {@code
 * payment.succeeded}, {@code payment.failed} and {@code payment.canceled}; payments created by
 * other dialects (which have no {@code tr_} id) are not reported here.
 */
@Component
class CaymanEvents implements EventRenderer {

  static final String DIALECT = "cayman";

  /** Every event type a Cayman webhook endpoint may subscribe to, besides {@code *}. */
  static final java.util.Set<String> TYPES =
      java.util.Set.of(
          "transfer.completed",
          "transfer.failed",
          "transfer.canceled",
          "transfer.returned",
          "payment.succeeded",
          "payment.failed",
          "payment.canceled");

  record Event(String id, String type, @JsonProperty("created_at") String createdAt, Data data) {}

  record Data(Object object) {}

  private final Payments payments;
  private final PaymentIntents intents;
  private final AssetCatalogue assets;
  private final TransferViews transfers;
  private final JsonMapper json = JsonMapper.builder().build();

  CaymanEvents(
      Payments payments, PaymentIntents intents, AssetCatalogue assets, TransferViews transfers) {
    this.payments = payments;
    this.intents = intents;
    this.assets = assets;
    this.transfers = transfers;
  }

  @Override
  public Optional<RenderedEvent> render(DomainEvent event, Instant at) {
    return switch (event.subject()) {
      case PAYMENT ->
          payments
              .findForCustomer(event.customerId(), event.subjectId())
              .filter(payment -> payment.publicId() != null)
              .flatMap(payment -> transferEvent(payment, at));
      case DEPOSIT, JOB -> Optional.empty();
      case PAYMENT_INTENT ->
          intents
              .findForCustomer(event.customerId(), event.subjectId())
              .flatMap(intent -> intentEvent(intent, at));
    };
  }

  private Optional<RenderedEvent> intentEvent(PaymentIntent intent, Instant at) {
    String type =
        switch (intent.status()) {
          case REQUIRES_PAYMENT_METHOD, PROCESSING -> null;
          case SUCCEEDED -> "payment.succeeded";
          case FAILED -> "payment.failed";
          case CANCELED -> "payment.canceled";
        };
    if (type == null) {
      return Optional.empty();
    }
    String id = "evt_" + UlidCreator.getMonotonicUlid();
    String payload =
        json.writeValueAsString(
            new Event(
                id,
                type,
                CaymanAmounts.time(at),
                new Data(PaymentIntentViews.view(intent, null, assets))));
    return Optional.of(new RenderedEvent(DIALECT, id, type, intent.id(), payload));
  }

  private Optional<RenderedEvent> transferEvent(Payment payment, Instant at) {
    String type =
        switch (payment.status()) {
          case PENDING -> null;
          case COMPLETED -> "transfer.completed";
          case FAILED -> "transfer.failed";
          case CANCELED -> "transfer.canceled";
          case REVERSED -> "transfer.returned";
        };
    if (type == null) {
      return Optional.empty();
    }
    String id = "evt_" + UlidCreator.getMonotonicUlid();
    String payload =
        json.writeValueAsString(
            new Event(id, type, CaymanAmounts.time(at), new Data(transfers.view(payment))));
    return Optional.of(new RenderedEvent(DIALECT, id, type, payment.publicId(), payload));
  }
}
