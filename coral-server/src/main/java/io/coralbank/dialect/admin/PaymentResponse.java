package io.coralbank.dialect.admin;

import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.Payment;

/** An outbound payment as the operator sees it: every customer's, with amounts as decimals. */
record PaymentResponse(
    String paymentId,
    String customerId,
    String rail,
    String status,
    String debitAccountNumber,
    String debitAmount,
    String debitCurrency,
    String creditAmount,
    String creditCurrency,
    String exchangeRate,
    String externalReference,
    String creditorAccount,
    String valueDate,
    String statusReason,
    String createdAt,
    String updatedAt) {

  static PaymentResponse of(Payment payment, AssetCatalogue assets) {
    return new PaymentResponse(
        payment.id(),
        payment.customerId().toString(),
        payment.rail().name(),
        payment.status().name(),
        payment.debitAccountNumber(),
        Amounts.format(payment.debitAmount(), assets.find(payment.debitCurrency()).orElseThrow()),
        payment.debitCurrency(),
        Amounts.format(payment.creditAmount(), assets.find(payment.creditCurrency()).orElseThrow()),
        payment.creditCurrency(),
        payment.exchangeRate() == null
            ? null
            : payment.exchangeRate().stripTrailingZeros().toPlainString(),
        payment.externalReference(),
        payment.creditorAccount(),
        payment.valueDate().toString(),
        payment.statusReason(),
        payment.createdAt().toString(),
        payment.updatedAt().toString());
  }
}
