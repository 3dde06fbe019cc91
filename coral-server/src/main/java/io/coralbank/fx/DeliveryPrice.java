package io.coralbank.fx;

/** What a payment that must deliver an amount in another currency costs, if it can be priced. */
public sealed interface DeliveryPrice {

  /**
   * The payment costs {@code debitAmount} minor units of the account's currency at {@code quote}'s
   * rate.
   */
  record Priced(FxQuote quote, long debitAmount) implements DeliveryPrice {}

  /** Too large for an automatic price: the dealing desk has the request as {@code referral}. */
  record Referred(FxReferral referral) implements DeliveryPrice {}

  /** No rate is known for the pair. */
  record NoRate() implements DeliveryPrice {}
}
