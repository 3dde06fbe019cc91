package io.coralbank.ledger;

import java.time.Instant;

/**
 * One leg of a posted transfer on an account, as read back from the journal.
 *
 * @param id the posting's position in the journal; orders postings of the same instant
 * @param amount positive for a credit, negative for a debit
 * @param balanceAfter the account's posted balance right after this posting
 */
public record PostingView(
    long id,
    String transactionId,
    String transferId,
    long accountId,
    long counterpartyAccountId,
    long amount,
    long balanceAfter,
    Instant postedAt,
    String code,
    String description) {}
