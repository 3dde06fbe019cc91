package io.coralbank.dialect.bcb;

import java.util.List;

/**
 * The answer to a payment instruction, in the shape of BCB's transfer responses: {@code status}
 * {@code "success"} says the instruction was accepted, {@code transactionStatus} where the payment
 * stands ({@code Pending} until the network answers), {@code id} the payment id for {@code GET
 * /v1/payments/{paymentId}/status}.
 */
public record PaymentResponse(
    String id,
    String status,
    String transactionStatus,
    String uniqueIdentifier,
    Details details,
    List<Object> linkedActivities) {

  /** What the payment moves, from where to whom, and when it counts. */
  public record Details(
      AccountViews.Amount creditAmount,
      String debitAmountCurrency,
      AccountViews.Amount debitAmount,
      AccountViews.AccountReference debitAccountNumber,
      AccountViews.AccountReference creditAccountNumber,
      String valueDate,
      String exchangeRate,
      String instructionIdentification,
      List<String> remittanceInformation) {}
}
