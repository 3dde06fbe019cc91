/**
 * The idempotency store: for each (principal, method and route, key), the hash of the first request
 * and its final response, so a retry gets the same answer and never a second effect.
 *
 * <p>It owns the {@code idempotency_keys} table and must not import a dialect. The HTTP side
 * (claiming a key for a request, replaying, refusing) is the framework's idempotency interceptor.
 * {@link io.coralbank.idempotency.TransferIds} derives ledger transfer ids from keys, so the ledger
 * also refuses a second effect when a stored response was lost.
 *
 * <p>Keys are claimed in two ways. {@link io.coralbank.idempotency.IdempotencyKeys} claims inside
 * the request's transaction, uncommitted, so the claim, the effect and the stored response commit
 * together. {@link io.coralbank.idempotency.ClaimBatches} serves routes whose only effect is ledger
 * transfers: it commits claims and stored responses in batches shared by concurrent requests, and
 * relies on those transfers' key-derived ids to make a request that runs twice (after its process
 * died) move money once.
 */
package io.coralbank.idempotency;
