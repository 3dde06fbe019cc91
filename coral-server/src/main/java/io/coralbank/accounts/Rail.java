package io.coralbank.accounts;

/** The payment networks the bank clears through; each has a clearing account per currency. */
public enum Rail {
  SWIFT,
  ACH,
  SEPA,
  CRYPTO,
  CARD
}
