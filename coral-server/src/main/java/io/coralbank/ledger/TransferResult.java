package io.coralbank.ledger;

import io.coralbank.kernel.ledger.Rejection;

/** What became of one submitted transfer. */
public sealed interface TransferResult {

  String transferId();

  /** The transfer was applied; it belongs to ledger transaction {@code transactionId}. */
  record Applied(String transferId, String transactionId) implements TransferResult {}

  /** The id was used before with identical fields; nothing moved again. */
  record AlreadyApplied(String transferId, String transactionId) implements TransferResult {}

  /** The transfer was refused and changed nothing. */
  record Rejected(String transferId, Rejection rejection) implements TransferResult {}
}
