/**
 * The idempotency store: for each (principal, method and route, key), the hash of the first request
 * and its final response, so a retry gets the same answer and never a second effect.
 *
 * <p>It owns the {@code idempotency_keys} table and must not import a dialect. The HTTP side
 * (claiming a key for a request, replaying, refusing) is the framework's idempotency interceptor.
 * {@link io.coralbank.idempotency.TransferIds} derives ledger transfer ids from keys, so the ledger
 * also refuses a second effect when a stored response was lost.
 */
package io.coralbank.idempotency;
