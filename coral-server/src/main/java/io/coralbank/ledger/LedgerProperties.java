package io.coralbank.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tuning of the ledger engine ({@code coral.ledger.*}).
 *
 * @param maxBatchTransfers most transfers in one database transaction
 * @param batchWait how long a batch waits for more submissions when the queue is empty
 * @param workers batches in flight at once
 * @param holdExpiryInterval how often expired holds are released
 */
@ConfigurationProperties("coral.ledger")
public record LedgerProperties(
    int maxBatchTransfers, Duration batchWait, int workers, Duration holdExpiryInterval) {

  EngineSettings engineSettings() {
    return new EngineSettings(maxBatchTransfers, batchWait, workers);
  }
}
