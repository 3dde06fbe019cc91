package io.coralbank.ledger;

import java.time.Duration;

/**
 * How the engine batches.
 *
 * @param maxBatchTransfers most transfers in one database transaction
 * @param maxWait how long a batch waits for more submissions once the queue is empty, when the
 *     engine is under load (its last batch had more than one submission); zero takes only what is
 *     already queued
 * @param workers batches in flight at once; two batches in flight never share an account, so the
 *     second worker helps only when transfers touch disjoint accounts
 */
public record EngineSettings(int maxBatchTransfers, Duration maxWait, int workers) {

  public static EngineSettings defaults() {
    return new EngineSettings(1000, Duration.ofNanos(200_000), 2);
  }
}
