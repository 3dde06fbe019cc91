package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.ledger.TransferResult;
import java.time.Instant;
import java.util.List;

/**
 * BCB's transfer response: {@code id} (the ledger transaction), {@code status}, {@code
 * uniqueIdentifier} (this transfer), {@code details}, {@code linkedActivities}, as the withdrawal
 * pages document it.
 */
public record TransferResponse(
    String id,
    String status,
    String uniqueIdentifier,
    Details details,
    List<Object> linkedActivities) {

  /**
   * The answer to a transfer that completes at once: its ledger transaction when applied (or
   * applied before), BCB's refusal otherwise.
   */
  static TransferResponse completed(
      TransferResult result,
      String transferId,
      Account from,
      Account to,
      long amount,
      Asset asset,
      Instant at,
      String endToEndIdentification,
      String remittanceInformation) {
    String transactionId =
        switch (result) {
          case TransferResult.Applied applied -> applied.transactionId();
          case TransferResult.AlreadyApplied exists -> exists.transactionId();
          case TransferResult.Rejected rejected -> throw BcbRejections.of(rejected.rejection());
        };
    return new TransferResponse(
        transactionId,
        "Completed",
        transferId,
        new Details(
            new AccountViews.Amount(Amounts.format(amount, asset), asset.code()),
            asset.code(),
            new AccountViews.AccountReference(from.number()),
            new AccountViews.AccountReference(to.number()),
            at.toString(),
            endToEndIdentification,
            remittanceInformation),
        List.of());
  }

  /** What moved, from where to where, and when it counts. */
  public record Details(
      AccountViews.Amount creditAmount,
      String debitAmountCurrency,
      AccountViews.AccountReference debitAccountNumber,
      AccountViews.AccountReference creditAccountNumber,
      String valueDate,
      String endToEndIdentification,
      String remittanceInformation) {}
}
