package io.coralbank.payments;

import io.coralbank.kernel.checks.Luhn;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox card network's cards: any number passing the Luhn check is accepted as a card, and
 * these decide the outcome, as integrators know from Stripe's test cards. Every other valid number
 * succeeds.
 */
public final class TestCards {

  /** What the simulated card network answers for a card. */
  public enum Outcome {
    APPROVED,
    DECLINED,
    INSUFFICIENT_FUNDS
  }

  static final Map<String, Outcome> OUTCOMES =
      Map.of(
          "4000000000000002", Outcome.DECLINED,
          "4000000000009995", Outcome.INSUFFICIENT_FUNDS);

  private TestCards() {}

  public static Outcome outcome(String number) {
    return OUTCOMES.getOrDefault(number, Outcome.APPROVED);
  }

  /** Why the card is not a usable card, or empty when it is. */
  public static Optional<String> problem(
      String number, Integer expiryMonth, Integer expiryYear, String cvc, YearMonth now) {
    if (number == null || !number.matches("[0-9]{12,19}") || !Luhn.isValid(number)) {
      return Optional.of("card.number is not a valid card number.");
    }
    if (expiryMonth == null || expiryYear == null || expiryMonth < 1 || expiryMonth > 12) {
      return Optional.of("card.exp_month and card.exp_year are required.");
    }
    if (YearMonth.of(expiryYear, expiryMonth).isBefore(now)) {
      return Optional.of("The card has expired.");
    }
    if (cvc == null || !cvc.matches("[0-9]{3,4}")) {
      return Optional.of("card.cvc must be 3 or 4 digits.");
    }
    return Optional.empty();
  }

  /** The brand by the number's prefix, as far as the sandbox cares. */
  public static String brand(String number) {
    if (number.startsWith("4")) {
      return "visa";
    }
    if (number.matches("^(5[1-5]|2[2-7]).*")) {
      return "mastercard";
    }
    if (number.matches("^3[47].*")) {
      return "amex";
    }
    return "unknown";
  }
}
