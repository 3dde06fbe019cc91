package io.coralbank.kernel.ledger;

import java.time.Instant;

/**
 * A request to move or reserve money. Every command has a caller-chosen id that makes retries safe,
 * and may be linked to the next command of its submission: a linked chain succeeds or fails as one.
 */
public sealed interface TransferCommand
    permits TransferCommand.Posting,
        TransferCommand.Hold,
        TransferCommand.PostHold,
        TransferCommand.VoidHold,
        TransferCommand.ExpireHold {

  String transferId();

  /** True when this command succeeds only if the next one in the submission does. */
  boolean linked();

  TransferType type();

  /** Moves {@code amount} from the debit account to the credit account now. */
  record Posting(
      String transferId,
      long debitAccountId,
      long creditAccountId,
      String assetCode,
      long amount,
      boolean linked)
      implements TransferCommand {
    @Override
    public TransferType type() {
      return TransferType.POSTING;
    }
  }

  /** Reserves {@code amount} on both accounts until posted, voided or {@code expiresAt}. */
  record Hold(
      String transferId,
      long debitAccountId,
      long creditAccountId,
      String assetCode,
      long amount,
      Instant expiresAt,
      boolean linked)
      implements TransferCommand {
    @Override
    public TransferType type() {
      return TransferType.HOLD;
    }
  }

  /**
   * Posts the hold {@code holdTransferId}: {@code amount} moves (the whole hold when null) and the
   * rest is released.
   */
  record PostHold(String transferId, String holdTransferId, Long amount, boolean linked)
      implements TransferCommand {
    @Override
    public TransferType type() {
      return TransferType.POST_HOLD;
    }
  }

  /** Releases the hold {@code holdTransferId} without moving money. */
  record VoidHold(String transferId, String holdTransferId, boolean linked)
      implements TransferCommand {
    @Override
    public TransferType type() {
      return TransferType.VOID_HOLD;
    }
  }

  /** Releases the hold {@code holdTransferId} because its expiry time has passed. */
  record ExpireHold(String transferId, String holdTransferId, boolean linked)
      implements TransferCommand {
    @Override
    public TransferType type() {
      return TransferType.EXPIRE_HOLD;
    }
  }
}
