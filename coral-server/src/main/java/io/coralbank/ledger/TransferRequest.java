package io.coralbank.ledger;

import io.coralbank.kernel.ledger.TransferCommand;

/**
 * A transfer command with what the journal records beside the money: a transaction code (such as
 * BCB's {@code ACRT}) and a description. Neither takes part in the rules or in recognising a retry.
 */
public record TransferRequest(TransferCommand command, String code, String description) {

  public static TransferRequest of(TransferCommand command) {
    return new TransferRequest(command, null, null);
  }
}
