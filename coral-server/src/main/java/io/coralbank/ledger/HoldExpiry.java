package io.coralbank.ledger;

import io.coralbank.kernel.ledger.TransferCommand;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases holds whose expiry time has passed. The expiry itself is deterministic (a hold cannot be
 * posted at or after its expiry, whether or not this job has run); the job only returns the
 * reserved money to the available balance. Its transfer ids derive from the hold's, so several
 * server processes running it at once expire each hold once.
 */
@Component
class HoldExpiry {

  private static final Logger log = LoggerFactory.getLogger(HoldExpiry.class);
  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final Clock clock;

  HoldExpiry(JdbcClient jdbc, Ledger ledger, Clock clock) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${coral.ledger.hold-expiry-interval}")
  void releaseExpiredHolds() {
    List<String> expired;
    int rounds = 0;
    do {
      expired =
          jdbc.sql(
                  """
                  select transfer_id from ledger_holds
                   where status = 'PENDING' and expires_at <= :now
                   order by expires_at
                   limit :limit
                  """)
              .param("now", clock.instant().atOffset(ZoneOffset.UTC))
              .param("limit", BATCH)
              .query(String.class)
              .list();
      if (!expired.isEmpty()) {
        ledger.submit(
            expired.stream()
                .map(
                    holdId ->
                        new TransferRequest(
                            new TransferCommand.ExpireHold(expiryId(holdId), holdId, false),
                            null,
                            "Hold expired"))
                .toList());
        log.info("Released {} expired holds", expired.size());
      }
      // Bounded, so a hold that cannot be expired (another node's clock lagging) cannot keep
      // this job busy; the next run tries again.
    } while (expired.size() == BATCH && ++rounds < 20);
  }

  static String expiryId(String holdId) {
    return "expiry:" + holdId;
  }
}
