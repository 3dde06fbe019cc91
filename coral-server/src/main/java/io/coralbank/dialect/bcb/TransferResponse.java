package io.coralbank.dialect.bcb;

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
