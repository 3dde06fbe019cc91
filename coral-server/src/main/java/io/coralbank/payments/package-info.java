/**
 * Payments: money arriving from and leaving for other banks over the rails, expressed as ledger
 * transfers against the bank's clearing accounts.
 *
 * <p>It owns no table yet. It must not import a dialect.
 */
package io.coralbank.payments;
