/**
 * The commands that measure and prove from outside: the ledger benchmark ({@code ./coral bench}),
 * the HTTP load generator ({@code ./coral load}), the crash test ({@code ./coral crash}) and the
 * multi-node test ({@code ./coral nodes}). They print figures and verdicts and are never part of
 * the test suite: speed is measured here, not asserted in tests. The HTTP commands start the built
 * server in a process of their own ({@link io.coralbank.bench.ServerProcess}), as an operator runs
 * it, and never measure or kill a server inside their own JVM. Each works in a scratch directory of
 * its own ({@link io.coralbank.bench.ScratchDirectories}) and must not touch a server's real data
 * directory.
 */
package io.coralbank.bench;
