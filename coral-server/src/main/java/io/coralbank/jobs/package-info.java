/**
 * Background jobs: a batch of items submitted at once and worked through later, each item exactly
 * once, across server processes and restarts. A module registers a {@link
 * io.coralbank.jobs.JobHandler} for its job type; the worker claims items with {@code FOR UPDATE
 * SKIP LOCKED} and records each item's outcome in the transaction that did its work.
 *
 * <p>It owns the {@code jobs} and {@code job_items} tables. It must not import a dialect.
 */
package io.coralbank.jobs;
