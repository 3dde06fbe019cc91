/**
 * Domain events, the outbox and webhook delivery. A module reports a change with {@link
 * io.coralbank.events.Events#publish}; each dialect's {@link io.coralbank.events.EventRenderer}
 * turns it into that dialect's event (or ignores it), which is stored with its deliveries in the
 * same transaction as the change. {@link io.coralbank.events.WebhookDispatcher} delivers them at
 * least once, signed by the dialect's {@link io.coralbank.events.WebhookSigner}, with exponential
 * backoff, re-signing every attempt; due attempts are sent side by side under leases, so one
 * receiver that stops answering delays no other, and no attempt outlives its claim.
 *
 * <p>It owns the {@code events}, {@code webhook_endpoints} and {@code webhook_deliveries} tables.
 * It must not import a dialect: dialects plug in through the two interfaces.
 */
package io.coralbank.events;
