package io.coralbank.kernel.ledger;

/** What became of one transfer command. */
public sealed interface TransferOutcome {

  /** The transfer was applied as part of transaction group {@code transactionGroup}. */
  record Applied(int transactionGroup) implements TransferOutcome {}

  /**
   * The id was used before with identical fields: nothing moved again. The original transaction is
   * {@code transactionId}, or group {@code transactionGroup} of this batch when that is null.
   */
  record AlreadyApplied(String transactionId, int transactionGroup) implements TransferOutcome {}

  /** The transfer was refused and changed nothing. */
  record Rejected(Rejection rejection) implements TransferOutcome {}
}
