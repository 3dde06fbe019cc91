/**
 * The audit log: who did what, when, from where, and with which request id. Identity records
 * credential changes, failed logins and refused requests; the admin API records every operator
 * action.
 *
 * <p>It owns the {@code audit_log} table, which is append-only. One other module appends to it: the
 * idempotency store's batched completions write each request's entry in the statement that stores
 * its response ({@code idempotency.ClaimBatches}), so the two commit together at the cost of one
 * round trip per batch. It must never record a secret (callers pass ids and reasons, never
 * credentials) and must not import a dialect.
 */
package io.coralbank.audit;
