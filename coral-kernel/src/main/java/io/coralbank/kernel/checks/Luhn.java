package io.coralbank.kernel.checks;

/**
 * The Luhn (mod 10) check digit: account numbers carry one, and every card number passes it, so a
 * mistyped digit is caught before anything is looked up.
 */
public final class Luhn {

  private Luhn() {}

  /** The digit to append to {@code payload} (digits only) so that the whole passes the check. */
  public static int checkDigit(String payload) {
    return (10 - sum(payload, true) % 10) % 10;
  }

  /** Whether {@code number} (digits only, check digit last) passes the check. */
  public static boolean isValid(String number) {
    return sum(number, false) % 10 == 0;
  }

  /** The Luhn sum, doubling every second digit from the right (from the last when asked). */
  private static int sum(String digits, boolean doubleLast) {
    int sum = 0;
    boolean doubled = doubleLast;
    for (int index = digits.length() - 1; index >= 0; index--) {
      int digit = digits.charAt(index) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum;
  }
}
