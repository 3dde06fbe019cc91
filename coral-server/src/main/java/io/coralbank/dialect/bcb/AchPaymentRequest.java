package io.coralbank.dialect.bcb;

import java.util.List;

/**
 * {@code POST /v1/payments/ach-local}. BCB documents {@code debitCurrency}, {@code
 * instructedAmount.currency} and {@code creditorBank {bankCode, currency}}; the other names follow
 * the SWIFT request's shape, as the documentation's own structure suggests.
 */
public record AchPaymentRequest(
    String instructionIdentification,
    SwiftPaymentRequest.DebtorAccount debtorAccount,
    String debitCurrency,
    SwiftPaymentRequest.InstructedAmount instructedAmount,
    SwiftPaymentRequest.Party creditorAccount,
    CreditorBank creditorBank,
    List<String> remittanceInformation) {

  public record CreditorBank(String bankCode, String currency) {}
}
