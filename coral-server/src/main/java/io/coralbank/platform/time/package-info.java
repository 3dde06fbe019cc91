/**
 * The one source of "now": a {@link java.time.Clock} bean that every module injects. In sandbox
 * mode an operator can move it forward to make holds, tokens and cut-offs expire on demand.
 *
 * <p>It owns the {@code sandbox_clock} table. Nothing in Coral may call {@code Instant.now()} or
 * {@code System.currentTimeMillis()} for business time; it must ask this clock.
 */
package io.coralbank.platform.time;
