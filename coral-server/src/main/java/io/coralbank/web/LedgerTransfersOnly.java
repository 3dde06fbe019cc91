package io.coralbank.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a handler's only effect is ledger transfers whose ids derive from the request's
 * {@code Idempotency-Key} ({@link io.coralbank.idempotency.TransferIds}), so that running it twice
 * with one key moves money once. Its keys are then claimed and completed in batches shared with
 * other requests, outside any request transaction ({@link io.coralbank.idempotency.ClaimBatches},
 * ADR 0009), which saves most of a request's own round trips.
 *
 * <p>A handler that writes anything else (a customer, a payment with rails state, a job) must not
 * carry it: after a crash its request may run again, and only the ledger makes that harmless.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LedgerTransfersOnly {}
