package io.coralbank.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited event.
 *
 * @param actor who acted: {@code operator}, {@code client:<id>}, or {@code anonymous}
 * @param customerId the customer concerned, or null
 * @param action what was attempted, such as {@code credentials.rotate} or {@code POST
 *     /admin/v1/customers}
 * @param outcome {@code succeeded} or the reason it did not
 * @param detail anything else worth knowing, never a secret
 */
public record AuditEvent(
    long id,
    Instant occurredAt,
    String actor,
    UUID customerId,
    String action,
    String outcome,
    String detail,
    String remoteAddress,
    String requestId) {}
