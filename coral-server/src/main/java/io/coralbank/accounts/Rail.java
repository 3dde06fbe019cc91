package io.coralbank.accounts;

/**
 * The payment networks the bank clears through; each has a clearing account per currency. {@link
 * #INTERNAL} is the bank's own book: a payment between two of its accounts, with no network and no
 * clearing account.
 */
public enum Rail {
  SWIFT,
  ACH,
  SEPA,
  CRYPTO,
  CARD,
  INTERNAL
}
