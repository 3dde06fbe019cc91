package io.coralbank.kernel.money;

import io.coralbank.kernel.money.InvalidAmountException.Reason;
import java.util.regex.Pattern;

/**
 * Converts between decimal text ({@code "250.00"}) and minor units ({@code 25000}) for an asset.
 *
 * <p>Parsing is strict because a lenient parser moves money: it never rounds (more decimals than
 * the asset has are refused, even trailing zeros), accepts no exponent, no blank, no whitespace, no
 * leading zeros and no {@code +}, and refuses a {@code -} unless the caller allows one. Fewer
 * decimals than the scale are fine: {@code "250.5"} USD is 25050. JSON numbers are parsed from
 * their literal text, so {@code 250.50} and {@code "250.50"} mean the same.
 */
public final class Amounts {

  private static final Pattern SCIENTIFIC =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE][+-]?\\d+");

  private Amounts() {}

  /** Parses a non-negative amount. */
  public static long parse(String text, Asset asset) throws InvalidAmountException {
    return parse(text, asset, false);
  }

  /** Parses an amount that may carry a leading minus sign. */
  public static long parseSigned(String text, Asset asset) throws InvalidAmountException {
    return parse(text, asset, true);
  }

  private static long parse(String text, Asset asset, boolean signAllowed)
      throws InvalidAmountException {
    if (text == null || text.isBlank()) {
      throw new InvalidAmountException(Reason.AMOUNT_MUST_NOT_BE_BLANK, "The amount is blank");
    }
    if (SCIENTIFIC.matcher(text).matches()) {
      throw new InvalidAmountException(
          Reason.AMOUNT_MUST_NOT_USE_AN_EXPONENT, "The amount must not use an exponent");
    }
    int position = 0;
    boolean negative = false;
    char first = text.charAt(0);
    if (first == '+' || first == '-') {
      if (first == '+' || !signAllowed) {
        throw new InvalidAmountException(
            Reason.AMOUNT_MUST_NOT_HAVE_A_SIGN, "The amount must not have a sign");
      }
      negative = true;
      position = 1;
    }
    int point = text.indexOf('.', position);
    String whole = point < 0 ? text.substring(position) : text.substring(position, point);
    String fraction = point < 0 ? "" : text.substring(point + 1);
    if (!isDigits(whole)
        || (whole.length() > 1 && whole.charAt(0) == '0')
        || (point >= 0 && !isDigits(fraction))) {
      throw new InvalidAmountException(
          Reason.AMOUNT_MUST_BE_A_DECIMAL_NUMBER,
          "The amount must be digits with an optional decimal point, such as 250.00");
    }
    if (fraction.length() > asset.scale()) {
      throw new InvalidAmountException(
          Reason.AMOUNT_HAS_TOO_MANY_DECIMALS,
          asset.code() + " amounts have at most " + asset.scale() + " decimal places");
    }
    try {
      long minorUnits = 0;
      for (int index = 0; index < whole.length(); index++) {
        minorUnits = Math.addExact(Math.multiplyExact(minorUnits, 10), whole.charAt(index) - '0');
      }
      for (int index = 0; index < asset.scale(); index++) {
        int digit = index < fraction.length() ? fraction.charAt(index) - '0' : 0;
        minorUnits = Math.addExact(Math.multiplyExact(minorUnits, 10), digit);
      }
      return negative ? -minorUnits : minorUnits;
    } catch (ArithmeticException overflow) {
      throw new InvalidAmountException(Reason.AMOUNT_IS_TOO_LARGE, "The amount is too large");
    }
  }

  private static boolean isDigits(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int index = 0; index < text.length(); index++) {
      char character = text.charAt(index);
      if (character < '0' || character > '9') {
        return false;
      }
    }
    return true;
  }

  /** Renders minor units with exactly the asset's decimal places: 25000 USD is "250.00". */
  public static String format(long minorUnits, Asset asset) {
    String digits = Long.toString(minorUnits);
    boolean negative = digits.charAt(0) == '-';
    if (negative) {
      digits = digits.substring(1);
    }
    int scale = asset.scale();
    if (scale == 0) {
      return negative ? "-" + digits : digits;
    }
    if (digits.length() <= scale) {
      digits = "0".repeat(scale - digits.length() + 1) + digits;
    }
    int point = digits.length() - scale;
    return (negative ? "-" : "") + digits.substring(0, point) + "." + digits.substring(point);
  }
}
