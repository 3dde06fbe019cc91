/**
 * The audit log: who did what, when, from where, and with which request id. Identity records
 * credential changes, failed logins and refused requests; the admin API records every operator
 * action.
 *
 * <p>It owns the {@code audit_log} table, which is append-only. It must never record a secret
 * (callers pass ids and reasons, never credentials) and must not import a dialect.
 */
package io.coralbank.audit;
