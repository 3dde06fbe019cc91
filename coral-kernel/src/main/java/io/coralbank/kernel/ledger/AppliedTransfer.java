package io.coralbank.kernel.ledger;

import java.util.List;

/**
 * A transfer the batch applied, with everything the engine must store.
 *
 * @param command the command as submitted
 * @param debitAccountId the account debited (for holds' posts and voids: the hold's)
 * @param creditAccountId the account credited
 * @param assetCode the currency moved
 * @param amount for postings and holds the amount; for a post of a hold what was posted; for a void
 *     or expiry the amount released
 * @param postings the legs on each account, empty for holds, voids and expiries
 * @param transactionGroup transfers with the same group form one ledger transaction
 */
public record AppliedTransfer(
    TransferCommand command,
    long debitAccountId,
    long creditAccountId,
    String assetCode,
    long amount,
    List<Posting> postings,
    int transactionGroup) {}
