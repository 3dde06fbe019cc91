package io.coralbank.audit;

import java.util.UUID;

/**
 * An event to record, before it is written: who ({@code actor}, and the customer acted for, if any)
 * did what ({@code action}) with which {@code outcome}, from where and under which request id. It
 * never holds a secret: callers pass ids and reasons, never credentials.
 */
public record AuditEntry(
    String actor,
    UUID customerId,
    String action,
    String outcome,
    String detail,
    String remoteAddress,
    String requestId) {}
