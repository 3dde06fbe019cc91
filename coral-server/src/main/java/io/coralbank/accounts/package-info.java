/**
 * Accounts: their numbers, owners, kinds and statuses, customer accounts and the bank's own
 * (clearing per rail and currency, FX liquidity, fee income, suspense). Opening an account also
 * opens its balance row in the ledger, in the same transaction. The accounts and virtual-account
 * hierarchies that money-moving requests name are kept in memory between announced changes ({@link
 * io.coralbank.accounts.AccountMemory}), so such a request reads no account from the database.
 *
 * <p>It owns the {@code accounts} table. It must not read the ledger's tables (balances come from
 * {@link io.coralbank.ledger.LedgerReader}) and must not import a dialect.
 */
package io.coralbank.accounts;
