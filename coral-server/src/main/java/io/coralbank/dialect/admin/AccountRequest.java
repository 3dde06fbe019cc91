package io.coralbank.dialect.admin;

/** {@code POST /admin/v1/customers/{customerId}/accounts}. */
public record AccountRequest(String currency, String kind, String label) {}
