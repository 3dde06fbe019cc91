package io.coralbank.accounts;

import java.time.Instant;
import java.util.UUID;

/**
 * An account.
 *
 * @param id internal id, shared with the ledger's balance row; never shown to clients
 * @param number the 10-digit account number clients see
 * @param publicId the id of a dialect that names accounts by id (a wallet's {@code wal_...}), or
 *     null
 * @param customerId the owner, or null for the bank's own accounts
 * @param rail for clearing accounts, the rail they clear; otherwise null
 */
public record Account(
    long id,
    String number,
    String publicId,
    UUID customerId,
    String currency,
    AccountKind kind,
    Rail rail,
    AccountStatus status,
    String label,
    Instant createdAt) {}
