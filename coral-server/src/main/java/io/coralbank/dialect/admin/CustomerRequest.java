package io.coralbank.dialect.admin;

/** {@code POST /admin/v1/customers}: {@code type} is CORPORATE or INDIVIDUAL. */
public record CustomerRequest(String name, String type) {}
