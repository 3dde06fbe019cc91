package io.coralbank.idempotency;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Claims, completes and replays idempotency keys. Every call runs in the caller's database
 * transaction: the claim row is inserted uncommitted, so a concurrent request with the same key
 * waits on it (up to the lock timeout) and then finds the first one's response, or, if the first
 * failed and rolled back, becomes the first itself.
 */
@Service
public class IdempotencyKeys {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration lifetime;
  private final Duration wait;

  IdempotencyKeys(JdbcClient jdbc, Clock clock, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lifetime = properties.lifetime();
    this.wait = properties.waitForFirst();
  }

  /** Must run inside a transaction that ends after {@link #complete}. */
  public Claim claim(String principal, String route, String key, byte[] requestHash) {
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    try {
      // One statement both bounds the wait and claims: the lock timeout is set (for this
      // transaction only) while the row to insert is produced, which is before the insert can
      // wait on a concurrent claim of the same key; a separate statement would cost a round trip
      // on every keyed request.
      boolean inserted =
          jdbc.sql(
                      """
                      with bounded as (select set_config('lock_timeout', :timeout, true))
                      insert into idempotency_keys
                             (principal, route, key, request_hash, created_at, expires_at)
                      select :principal, :route, :key, :hash, :now, :expires from bounded
                      on conflict do nothing
                      """)
                  .param("timeout", wait.toMillis() + "ms")
                  .param("principal", principal)
                  .param("route", route)
                  .param("key", key)
                  .param("hash", requestHash)
                  .param("now", now)
                  .param("expires", now.plus(lifetime))
                  .update()
              == 1;
      if (inserted) {
        return new Claim.Granted();
      }
    } catch (DataAccessException failure) {
      if (lockTimedOut(failure)) {
        return new Claim.InProgress();
      }
      throw failure;
    }
    record Existing(byte[] hash, Integer status, String contentType, byte[] body) {}
    Optional<Existing> existing =
        jdbc.sql(
                "select request_hash, status_code, content_type, body from idempotency_keys"
                    + " where principal = :principal and route = :route and key = :key")
            .param("principal", principal)
            .param("route", route)
            .param("key", key)
            .query(
                (row, number) ->
                    new Existing(
                        row.getBytes("request_hash"),
                        row.getObject("status_code", Integer.class),
                        row.getString("content_type"),
                        row.getBytes("body")))
            .optional();
    if (existing.isEmpty() || existing.get().status() == null) {
      return new Claim.InProgress();
    }
    return Claim.afterFirst(
        existing.get().hash(),
        new StoredResponse(
            existing.get().status(), existing.get().contentType(), existing.get().body()),
        requestHash);
  }

  /**
   * Whether the claim gave up waiting for a concurrent claim of the same key. PostgreSQL says so
   * with SQL state 55P03 (lock_not_available), which Spring's translator leaves uncategorized, so
   * the state is read from the driver's exception itself.
   */
  private static boolean lockTimedOut(DataAccessException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && "55P03".equals(sql.getSQLState())) {
        return true;
      }
    }
    return failure instanceof PessimisticLockingFailureException
        || failure instanceof QueryTimeoutException;
  }

  /** Stores the final response of a granted claim, in the same transaction as its effect. */
  public void complete(String principal, String route, String key, StoredResponse response) {
    jdbc.sql(
            "update idempotency_keys set status_code = :status, content_type = :type, body = :body"
                + " where principal = :principal and route = :route and key = :key")
        .param("status", response.status())
        .param("type", response.contentType())
        .param("body", response.body())
        .param("principal", principal)
        .param("route", route)
        .param("key", key)
        .update();
  }

  /** Keys live 24 hours by default (CORAL_IDEMPOTENCY_KEY_LIFETIME); then they are removed. */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
  void removeExpiredKeys() {
    jdbc.sql("delete from idempotency_keys where expires_at < :now")
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }
}
