package io.coralbank.dialect.bcb;

/**
 * One payment's status, as {@code GET /v1/payments/{paymentId}/status} and {@code GET
 * /v1/accounts/{accountNumber}/payments} show it. {@code statusReason} is Coral's addition: what
 * the beneficiary bank said when a payment failed or came back.
 */
public record PaymentStatusView(
    String type,
    String status,
    String transactionId,
    String externalReference,
    String remittanceInformation,
    AccountViews.Amount debitAmount,
    AccountViews.Amount creditAmount,
    String valueDate,
    String exchangeRate,
    String statusReason) {}
