package io.coralbank.dialect.admin;

/** A customer as the admin contract shows it. */
public record CustomerResponse(String id, String name, String type, String createdAt) {}
