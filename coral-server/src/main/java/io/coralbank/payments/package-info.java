/**
 * Payments: money arriving from and leaving for other banks over the rails, expressed as ledger
 * transfers against the bank's clearing accounts.
 *
 * <p>Outbound payments are holds from the moment they are accepted; the rails' simulated network
 * decides whether each settles (the hold is posted) or fails (the hold is voided), and {@link
 * io.coralbank.payments.PaymentLifecycle} carries that out. It owns the {@code payments} table. It
 * must not import a dialect.
 */
package io.coralbank.payments;
