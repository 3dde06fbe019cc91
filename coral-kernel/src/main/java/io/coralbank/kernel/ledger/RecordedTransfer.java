package io.coralbank.kernel.ledger;

import java.time.Instant;

/**
 * The fields a transfer id was first used with, to tell a retry ({@code exists}) from a reuse of
 * the id for something else ({@code exists_with_different_...}).
 *
 * @param debitAccountId 0 for posts and voids of holds, which name a hold instead
 * @param creditAccountId 0 for posts and voids of holds
 * @param assetCode null for posts and voids of holds
 * @param amount the amount asked for; null for a post of the whole hold and for voids
 * @param expiresAt for holds; null otherwise
 * @param holdTransferId for posts and voids of holds; null otherwise
 * @param transactionId the ledger transaction it belongs to, or null if assigned in this batch
 * @param transactionGroup the group within this batch when {@code transactionId} is null
 */
public record RecordedTransfer(
    String transferId,
    TransferType type,
    long debitAccountId,
    long creditAccountId,
    String assetCode,
    Long amount,
    Instant expiresAt,
    String holdTransferId,
    String transactionId,
    int transactionGroup) {

  /** The fields of {@code command} as they would be recorded. */
  public static RecordedTransfer of(TransferCommand command, String transactionId, int group) {
    return switch (command) {
      case TransferCommand.Posting posting ->
          new RecordedTransfer(
              posting.transferId(),
              TransferType.POSTING,
              posting.debitAccountId(),
              posting.creditAccountId(),
              posting.assetCode(),
              posting.amount(),
              null,
              null,
              transactionId,
              group);
      case TransferCommand.Hold hold ->
          new RecordedTransfer(
              hold.transferId(),
              TransferType.HOLD,
              hold.debitAccountId(),
              hold.creditAccountId(),
              hold.assetCode(),
              hold.amount(),
              hold.expiresAt(),
              null,
              transactionId,
              group);
      case TransferCommand.PostHold post ->
          new RecordedTransfer(
              post.transferId(),
              TransferType.POST_HOLD,
              0,
              0,
              null,
              post.amount(),
              null,
              post.holdTransferId(),
              transactionId,
              group);
      case TransferCommand.VoidHold voidHold ->
          new RecordedTransfer(
              voidHold.transferId(),
              TransferType.VOID_HOLD,
              0,
              0,
              null,
              null,
              null,
              voidHold.holdTransferId(),
              transactionId,
              group);
      case TransferCommand.ExpireHold expire ->
          new RecordedTransfer(
              expire.transferId(),
              TransferType.EXPIRE_HOLD,
              0,
              0,
              null,
              null,
              null,
              expire.holdTransferId(),
              transactionId,
              group);
    };
  }
}
