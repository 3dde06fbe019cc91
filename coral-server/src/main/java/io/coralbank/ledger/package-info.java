/**
 * The ledger engine: loads and locks balances, applies transfers through the kernel's rules in
 * batches, and writes the append-only journal (transactions, transfers, postings) and holds. Every
 * movement of money in Coral goes through {@link io.coralbank.ledger.Ledger#submit}.
 *
 * <p>It owns the {@code ledger_*} tables. It must not read another module's tables, must not decide
 * business rules itself (they are in the kernel), and must not import a dialect.
 */
package io.coralbank.ledger;
