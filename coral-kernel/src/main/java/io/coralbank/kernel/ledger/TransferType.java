package io.coralbank.kernel.ledger;

/** The kinds of transfer, one per {@link TransferCommand} variant. */
public enum TransferType {
  /** Moves money at once. */
  POSTING,
  /** Reserves money until it is posted, voided or expires. */
  HOLD,
  /** Posts a hold, in full or in part, releasing the rest. */
  POST_HOLD,
  /** Releases a hold. */
  VOID_HOLD,
  /** Releases a hold whose expiry time has passed. */
  EXPIRE_HOLD
}
