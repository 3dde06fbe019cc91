/**
 * Rate limits: fixed-window request counters kept in PostgreSQL, so every server process on the
 * database counts against the same limit. Dialect filters decide what is limited and how a refusal
 * looks; this package only counts.
 *
 * <p>It owns the {@code rate_limit_windows} table. It must not import a dialect.
 */
package io.coralbank.ratelimit;
