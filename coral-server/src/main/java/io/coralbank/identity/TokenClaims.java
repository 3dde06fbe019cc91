package io.coralbank.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What a valid access token says: whose it is and what it may do, until when. */
public record TokenClaims(
    UUID clientId, UUID customerId, List<String> permissions, Instant expiresAt) {}
