package io.coralbank.kernel.money;

/** A text that is not an acceptable amount of an asset, and which rule it broke. */
public final class InvalidAmountException extends Exception {

  /** Why an amount was refused, in the order the parser checks. */
  public enum Reason {
    /** Absent, empty or only whitespace. */
    AMOUNT_MUST_NOT_BE_BLANK,
    /** An exponent such as {@code 1e3}: amounts are written out in full. */
    AMOUNT_MUST_NOT_USE_AN_EXPONENT,
    /** A sign where none is allowed (any {@code +}, or {@code -} on an unsigned amount). */
    AMOUNT_MUST_NOT_HAVE_A_SIGN,
    /** Not digits with an optional decimal point and fraction. */
    AMOUNT_MUST_BE_A_DECIMAL_NUMBER,
    /** More decimal places than the asset's minor unit has. */
    AMOUNT_HAS_TOO_MANY_DECIMALS,
    /** Too large to count in minor units. */
    AMOUNT_IS_TOO_LARGE
  }

  private final Reason reason;

  InvalidAmountException(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
