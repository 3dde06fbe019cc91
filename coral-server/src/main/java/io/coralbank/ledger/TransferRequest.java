package io.coralbank.ledger;

import io.coralbank.kernel.ledger.TransferCommand;

/**
 * A transfer command with what the journal records beside the money: a transaction code (such as
 * BCB's {@code ACRT}), a description, and for a reversal the transaction it reverses. None of these
 * takes part in the rules or in recognising a retry.
 *
 * @param reverses the id of the transaction this transfer's transaction reverses, or null
 */
public record TransferRequest(
    TransferCommand command, String code, String description, String reverses) {

  public TransferRequest(TransferCommand command, String code, String description) {
    this(command, code, description, null);
  }

  public static TransferRequest of(TransferCommand command) {
    return new TransferRequest(command, null, null, null);
  }
}
