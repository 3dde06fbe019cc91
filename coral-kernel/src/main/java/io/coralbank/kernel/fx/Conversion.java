package io.coralbank.kernel.fx;

import io.coralbank.kernel.money.Asset;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Converts an amount the customer gives into the amount the customer gets, at a mid rate less the
 * bank's spread. The customer's amount is rounded down to the target's minor unit: rounding always
 * favours the bank, never the other way.
 */
public final class Conversion {

  /** Enough digits that no realistic rate or amount loses precision before the final rounding. */
  static final MathContext PRECISION = new MathContext(34, RoundingMode.HALF_EVEN);

  private Conversion() {}

  /**
   * The rate the customer gets: {@code mid * (1 - spreadBasisPoints / 10000)}, to ten decimals,
   * rounded down.
   */
  public static BigDecimal customerRate(BigDecimal mid, int spreadBasisPoints) {
    if (mid.signum() <= 0) {
      throw new IllegalArgumentException("A rate must be positive");
    }
    if (spreadBasisPoints < 0 || spreadBasisPoints >= 10_000) {
      throw new IllegalArgumentException("The spread must be from 0 to 9999 basis points");
    }
    BigDecimal keep =
        BigDecimal.ONE.subtract(BigDecimal.valueOf(spreadBasisPoints).movePointLeft(4));
    return mid.multiply(keep, PRECISION).setScale(10, RoundingMode.DOWN);
  }

  /**
   * {@code minorUnits} of {@code from} at {@code rate} (units of {@code to} per unit of {@code
   * from}), in minor units of {@code to}, rounded down.
   *
   * @throws ArithmeticException when the result does not fit in a {@code long}
   */
  public static long convert(long minorUnits, Asset from, Asset to, BigDecimal rate) {
    BigDecimal amount = BigDecimal.valueOf(minorUnits).movePointLeft(from.scale());
    BigDecimal converted = amount.multiply(rate, PRECISION).setScale(to.scale(), RoundingMode.DOWN);
    return converted.movePointRight(to.scale()).longValueExact();
  }

  /**
   * The least amount of {@code from} (minor units) that converts at {@code rate} into at least
   * {@code wanted} minor units of {@code to}: what a customer pays for a payment that must arrive
   * in full. Rounded up, so the bank never pays out more than it was given.
   *
   * @throws ArithmeticException when the result does not fit in a {@code long}
   */
  public static long amountToSend(long wanted, Asset from, Asset to, BigDecimal rate) {
    if (rate.signum() <= 0) {
      throw new IllegalArgumentException("A rate must be positive");
    }
    BigDecimal target = BigDecimal.valueOf(wanted).movePointLeft(to.scale());
    long send =
        target
            .divide(rate, PRECISION)
            .setScale(from.scale(), RoundingMode.UP)
            .movePointRight(from.scale())
            .longValueExact();
    // Division at finite precision can land one minor unit short; the check makes it exact.
    while (convert(send, from, to, rate) < wanted) {
      send = Math.addExact(send, 1);
    }
    return send;
  }

  /** The rate for the opposite direction: {@code 1 / rate}. */
  public static BigDecimal inverse(BigDecimal rate) {
    return BigDecimal.ONE.divide(rate, PRECISION);
  }

  /** The rate through a third currency: {@code first * second}. */
  public static BigDecimal cross(BigDecimal first, BigDecimal second) {
    return first.multiply(second, PRECISION);
  }
}
