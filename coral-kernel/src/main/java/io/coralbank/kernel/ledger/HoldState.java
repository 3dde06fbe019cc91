package io.coralbank.kernel.ledger;

import java.time.Instant;

/**
 * A hold and whether it is still pending. A hold resolves at most once: posted, voided or expired.
 *
 * @param postedAmount what was posted when status is {@link HoldStatus#POSTED}, else 0
 * @param resolvedBy the transfer that resolved it, or null while pending
 */
public record HoldState(
    String transferId,
    long debitAccountId,
    long creditAccountId,
    String assetCode,
    long amount,
    Instant expiresAt,
    HoldStatus status,
    long postedAmount,
    String resolvedBy) {

  /** The lifecycle of a hold. Only {@code PENDING} may change, and only once. */
  public enum HoldStatus {
    PENDING,
    POSTED,
    VOIDED,
    EXPIRED
  }

  HoldState resolve(HoldStatus newStatus, long posted, String byTransferId) {
    return new HoldState(
        transferId,
        debitAccountId,
        creditAccountId,
        assetCode,
        amount,
        expiresAt,
        newStatus,
        posted,
        byTransferId);
  }
}
