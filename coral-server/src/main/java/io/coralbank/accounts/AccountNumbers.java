package io.coralbank.accounts;

import io.coralbank.kernel.checks.Luhn;

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
    return Luhn.checkDigit(payload);
  }
}
