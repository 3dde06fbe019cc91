package io.coralbank.dialect.admin;

/** {@code POST /admin/v1/payments/{paymentId}/fail}: optionally, what the beneficiary bank said. */
record PaymentFailRequest(String reason) {}
