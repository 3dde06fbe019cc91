/**
 * The payment networks money leaves the bank on, simulated: which banks the local ACH reaches, and
 * what a network will do with a payment handed to it (settle, fail, or settle and later return it)
 * and when. The simulator is deterministic so integrators can test every branch.
 *
 * <p>It owns the {@code ach_banks} table. It knows nothing of payments' storage or of the ledger:
 * the {@code payments} module asks it and carries out its answer. It must not import a dialect.
 */
package io.coralbank.rails;
