package io.coralbank.payments;

/**
 * Why the bank refuses a payment before any money is held, in precedence order: a payment with
 * several faults is refused for the first. The ledger's own rejections (insufficient funds, an
 * inactive account) come after all of these.
 */
public enum PaymentRejection {
  /** The local ACH clears only BMD and USD. */
  RAIL_MUST_CARRY_THE_CURRENCY,
  /** A local ACH payment converts nothing: the account pays in the instructed currency. */
  DEBIT_CURRENCY_MUST_MATCH_INSTRUCTED_CURRENCY,
  /** The ACH reaches only the banks in its directory, each in the currencies it clears. */
  CREDITOR_BANK_MUST_BE_REACHABLE,
  /** A cross-currency payment needs a rate for the pair. */
  EXCHANGE_RATE_MUST_BE_KNOWN,
  /**
   * A cross-currency payment worth more than the automatic limit needs the dealing desk's quote;
   * the request was referred.
   */
  LARGE_EXCHANGE_MUST_BE_QUOTED_BY_THE_DEALING_DESK,
  /** A payment with a fixed debit must convert into at least one minor unit of its currency. */
  CONVERTED_AMOUNT_MUST_BE_POSITIVE;

  /** The rule's name as it reads in documentation: lower snake case. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
