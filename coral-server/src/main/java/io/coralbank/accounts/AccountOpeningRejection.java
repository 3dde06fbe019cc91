package io.coralbank.accounts;

import java.util.Locale;

/** Why an account could not be opened, in precedence order. */
public enum AccountOpeningRejection {
  /** The owner must be an existing customer. */
  CUSTOMER_MUST_EXIST,
  /** The currency must be one the bank holds (ISO 4217 or a configured crypto asset). */
  CURRENCY_MUST_BE_SUPPORTED,
  /** Customers own customer kinds only; bank-side kinds belong to the bank. */
  KIND_MUST_BE_A_CUSTOMER_KIND,
  /** A customer has at most one SETTLEMENT account per currency. */
  ONE_SETTLEMENT_ACCOUNT_PER_CURRENCY,
  /** A customer has at most one PARENT account per currency. */
  ONE_PARENT_ACCOUNT_PER_CURRENCY,
  /**
   * A SUB account belongs to the customer's hierarchy in its currency, so the customer's PARENT
   * (and SETTLEMENT) account in that currency must exist first.
   */
  PARENT_ACCOUNT_MUST_EXIST;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
