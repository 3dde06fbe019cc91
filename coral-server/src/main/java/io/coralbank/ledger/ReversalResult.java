package io.coralbank.ledger;

import io.coralbank.kernel.ledger.Rejection;

/** What became of a request to reverse a ledger transaction. */
public sealed interface ReversalResult {

  /** A new transaction, {@code transactionId}, moved every posted amount back. */
  record Reversed(String transactionId) implements ReversalResult {}

  /** The transaction was reversed before, by {@code transactionId}; nothing moved again. */
  record AlreadyReversed(String transactionId) implements ReversalResult {}

  /** No transaction has that id. */
  record NotFound() implements ReversalResult {}

  /** The transaction moved no money (a hold, a void, an expiry): there is nothing to reverse. */
  record NothingToReverse() implements ReversalResult {}

  /** The ledger refused the reversal, for example because the money has been spent. */
  record Refused(Rejection rejection) implements ReversalResult {}
}
