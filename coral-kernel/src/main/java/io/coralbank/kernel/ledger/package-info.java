/**
 * The ledger's rules as pure functions over account states: which transfers may move money, in
 * which order of precedence they are refused, what a hold becomes when posted or voided, how a
 * linked chain succeeds or fails as one, and how a repeated transfer id is recognised.
 *
 * <p>It knows nothing of storage or concurrency: the engine loads and locks the states, hands them
 * to a {@link io.coralbank.kernel.ledger.TransferBatch}, and stores what it returns. Time is an
 * argument, never read from a clock here.
 */
package io.coralbank.kernel.ledger;
