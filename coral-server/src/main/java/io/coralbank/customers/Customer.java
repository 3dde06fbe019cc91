package io.coralbank.customers;

import java.time.Instant;
import java.util.UUID;

/** A customer of the bank. */
public record Customer(UUID id, String name, CustomerType type, Instant createdAt) {}
