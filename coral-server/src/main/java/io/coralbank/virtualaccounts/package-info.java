/**
 * BCB's virtual-account service in the core: Sub accounts opened in background jobs under a
 * customer's Settlement and Parent, their names and client references, and the two permitted money
 * paths through the Parent (Settlement -> Parent -> Sub and back), each one linked ledger chain.
 * The flow rules themselves are the kernel's.
 *
 * <p>It owns the {@code virtual_accounts} table. It must not import a dialect.
 */
package io.coralbank.virtualaccounts;
