package io.coralbank.ledger;

import java.util.List;

/**
 * The only way money moves in Coral. Batch-first: a caller submits its transfers together (a linked
 * chain must be within one submission) and gets one result per transfer, in order.
 */
public interface Ledger {

  /**
   * Applies the transfers and returns when they are durable. One caller's rejection never fails
   * another's transfer.
   *
   * @throws LedgerUnavailableException when the database transaction failed; then none of the
   *     transfers was applied and the caller may retry with the same ids
   */
  List<TransferResult> submit(List<TransferRequest> transfers);

  /** Convenience for one transfer. */
  default TransferResult submit(TransferRequest transfer) {
    return submit(List.of(transfer)).getFirst();
  }
}
