package io.coralbank.accounts;

/**
 * Account numbers: nine digits from a database sequence followed by a Luhn check digit, so every
 * number is unique across the bank and a mistyped digit is caught before any lookup.
 */
public final class AccountNumbers {

  private AccountNumbers() {}

  static String fromSequence(long value) {
    String payload = Long.toString(value);
    if (payload.length() != 9) {
      throw new IllegalStateException("Account number sequence out of range: " + value);
    }
    return payload + checkDigit(payload);
  }

  /** Whether {@code number} is ten digits whose last is the Luhn check digit of the others. */
  public static boolean isWellFormed(String number) {
    if (number == null || number.length() != 10 || !number.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return checkDigit(number.substring(0, 9)) == number.charAt(9) - '0';
  }

  static int checkDigit(String payload) {
    int sum = 0;
    boolean doubled = true;
    for (int index = payload.length() - 1; index >= 0; index--) {
      int digit = payload.charAt(index) - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return (10 - sum % 10) % 10;
  }
}
