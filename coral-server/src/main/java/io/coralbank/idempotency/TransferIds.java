package io.coralbank.idempotency;

import java.util.UUID;

/**
 * Ledger transfer ids for requests that move money. The idempotency store replays a response, but a
 * retry whose stored response was lost (the process died after the ledger committed) reaches the
 * handler again; deriving the transfer id from the {@code Idempotency-Key} makes the ledger itself
 * answer "exists" instead of moving the money twice.
 */
public final class TransferIds {

  private TransferIds() {}

  /**
   * The transfer id for one request: {@code purpose:scope:key}, or a fresh random id in place of
   * the key when the request carries none.
   *
   * @param purpose what the transfer is, e.g. {@code bcb-internal}; keeps ids of different
   *     endpoints apart
   * @param scope who chose the key (a client id) or what it applies to (an account number), so two
   *     callers' equal keys never collide
   */
  public static String forRequest(String purpose, String scope, String idempotencyKey) {
    return purpose
        + ":"
        + scope
        + ":"
        + (idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey);
  }
}
