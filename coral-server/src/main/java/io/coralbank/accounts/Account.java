package io.coralbank.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An account.
 *
 * @param id internal id, shared with the ledger's balance row; never shown to clients
 * @param number the 10-digit account number clients see
 * @param customerId the owner, or null for the bank's own accounts
 * @param rail for clearing accounts, the rail they clear; otherwise null
 */
public record Account(
    long id,
    String number,
    UUID customerId,
    String currency,
    AccountKind kind,
    Rail rail,
    AccountStatus status,
    String label,
    Instant createdAt) {}
