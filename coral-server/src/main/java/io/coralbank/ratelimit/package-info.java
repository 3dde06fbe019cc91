/**
 * Rate limits: fixed-window request counters kept in PostgreSQL, so every server process on the
 * database counts against the same limit. Each process leases requests from the shared counter in
 * blocks (smaller as the window fills, single requests near the limit) so that a busy client does
 * not wait on one counter row's commit per request; the total admitted never exceeds the limit.
 * Dialect filters decide what is limited and how a refusal looks; this package only counts.
 *
 * <p>It owns the {@code rate_limit_windows} table. It must not import a dialect.
 */
package io.coralbank.ratelimit;
