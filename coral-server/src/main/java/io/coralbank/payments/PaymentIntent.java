package io.coralbank.payments;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Money a merchant asks a payer for. It moves only when the payer confirms with a payment method: a
 * card (through the simulated card network) or a wallet of the payer's own.
 *
 * @param destinationWalletId the merchant's wallet the money goes to
 * @param paymentMethodType {@code card} or {@code wallet} once confirmed; null before
 * @param cardBrand and {@code cardLast4}: all that is kept of a card
 * @param failureReason why the payment failed; null otherwise
 */
public record PaymentIntent(
    String id,
    UUID customerId,
    long amount,
    String currency,
    String description,
    Map<String, String> metadata,
    Status status,
    String destinationWalletId,
    String paymentMethodType,
    String cardBrand,
    String cardLast4,
    String failureReason,
    Instant createdAt,
    Instant updatedAt) {

  /** Where an intent is in its life. */
  public enum Status {
    /** Created; waiting for the payer to confirm with a payment method. */
    REQUIRES_PAYMENT_METHOD,
    /** Confirmed with a card; the card network has not answered yet. */
    PROCESSING,
    /** The money is in the merchant's wallet. */
    SUCCEEDED,
    /** The payment method was declined or could not pay; nothing moved. */
    FAILED,
    /** The merchant canceled it before it was paid. */
    CANCELED
  }
}
