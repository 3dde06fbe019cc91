package io.coralbank.dialect.admin;

/** The credit applied: the ledger transaction and what moved. */
public record CreditResponse(
    String transactionId, String accountNumber, String amount, String currency) {}
