package io.coralbank.payments;

import io.coralbank.kernel.ledger.Rejection;

/** What became of a payment instruction. */
public sealed interface PaymentOutcome {

  /** The amount is held and the network has the payment. */
  record Accepted(Payment payment) implements PaymentOutcome {}

  /**
   * The bank refused it by one of its payment rules; nothing was held.
   *
   * @param detail what the client needs beside the rule, such as the dealing desk's referral id;
   *     may be null
   */
  record Refused(PaymentRejection rejection, String detail) implements PaymentOutcome {}

  /** The ledger refused the hold (insufficient funds, an inactive account); nothing was held. */
  record LedgerRefused(Rejection rejection) implements PaymentOutcome {}
}
