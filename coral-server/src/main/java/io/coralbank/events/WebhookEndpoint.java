package io.coralbank.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A customer's webhook endpoint: where to send which events. The secret is never part of it. */
public record WebhookEndpoint(
    String id,
    UUID customerId,
    String dialect,
    String url,
    List<String> events,
    Instant createdAt,
    Instant updatedAt) {}
