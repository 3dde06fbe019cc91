/**
 * The commands that measure and prove from outside: the ledger benchmark ({@code ./coral bench}),
 * the HTTP load generator ({@code ./coral load}), the crash test ({@code ./coral crash}) and the
 * multi-node test ({@code ./coral nodes}). They print figures and verdicts and are never part of
 * the test suite: speed is measured here, not asserted in tests. Each works in a scratch directory
 * of its own ({@link io.coralbank.bench.ScratchDirectories}) and must not touch a server's real
 * data directory.
 */
package io.coralbank.bench;
