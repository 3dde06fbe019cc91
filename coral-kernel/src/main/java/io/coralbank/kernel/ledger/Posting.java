package io.coralbank.kernel.ledger;

/**
 * One leg of a posted transfer on one account.
 *
 * @param amount positive for a credit, negative for a debit
 * @param postedBalanceAfter the account's posted balance right after this leg
 */
public record Posting(long accountId, long amount, long postedBalanceAfter) {}
