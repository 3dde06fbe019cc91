package io.coralbank.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts requests in fixed windows (BCB documents "a fixed window of 60 minutes"), in one counter
 * per key and window in the database that every server process shares.
 *
 * <p>A process does not write the counter once per request: that row is the same for every request
 * of a client, so each request would wait for the previous one's commit, and a busy client would be
 * limited by the disk's flush rate rather than by its limit. Instead a process takes a lease of
 * several requests at once (one upsert adds the lease to the counter and returns the total) and
 * spends it locally. The total handed out across processes therefore never exceeds the limit. The
 * lease shrinks as the window fills, down to one request when few are left, so near the limit the
 * count is exact per request; what a process leased but did not spend before the window ended is
 * lost, which can only refuse a little early, never admit too much. A window found exhausted stays
 * exhausted until it ends, without asking the database again, because the counter only grows.
 */
@Service
public class RateLimiter {

  /** The largest lease: one database write per this many requests of a busy client. */
  static final int MAXIMUM_LEASE = 100;

  /** A lease is this fraction of what is left in the window (1/32), so processes share fairly. */
  private static final int LEASE_DIVISOR = 32;

  private final JdbcClient jdbc;
  private final Clock clock;
  private final ConcurrentMap<String, Lease> leases = new ConcurrentHashMap<>();

  RateLimiter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What this process holds of one key's current window. Guarded by its lock. */
  private static final class Lease {
    final ReentrantLock lock = new ReentrantLock();
    Instant windowStart;
    int unspent;
    long counted;
  }

  /** Counts one request against {@code limit} per {@code window} for {@code key}. */
  public RateLimitDecision consume(String key, int limit, Duration window) {
    long windowMillis = window.toMillis();
    Instant now = clock.instant();
    Instant start =
        Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    Instant resetsAt = start.plus(window);
    Lease lease = leases.computeIfAbsent(key + "|" + windowMillis, ignored -> new Lease());
    lease.lock.lock();
    try {
      if (!start.equals(lease.windowStart)) {
        lease.windowStart = start;
        lease.unspent = 0;
        lease.counted = 0;
      }
      if (lease.unspent == 0 && lease.counted < limit) {
        renew(lease, key, limit, start);
      }
      if (lease.unspent == 0) {
        return new RateLimitDecision(false, limit, 0, resetsAt);
      }
      lease.unspent--;
      long used = lease.counted - lease.unspent;
      return new RateLimitDecision(true, limit, (int) Math.max(0, limit - used), resetsAt);
    } finally {
      lease.lock.unlock();
    }
  }

  /** Adds a lease to the shared counter and keeps the part of it that is within the limit. */
  private void renew(Lease lease, String key, int limit, Instant start) {
    long left = limit - lease.counted;
    int size = (int) Math.clamp(left / LEASE_DIVISOR, 1, MAXIMUM_LEASE);
    long total =
        jdbc.sql(
                """
                insert into rate_limit_windows (key, window_start, count) values (:key, :start, :size)
                on conflict (key, window_start)
                do update set count = rate_limit_windows.count + :size
                returning count
                """)
            .param("key", key)
            .param("start", start.atOffset(ZoneOffset.UTC))
            .param("size", size)
            .query(Long.class)
            .single();
    long before = total - size;
    lease.unspent = (int) Math.clamp(limit - before, 0, size);
    lease.counted = Math.min(total, limit);
  }

  /** Forgets windows that ended more than a day ago, here and in the database. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void forgetOldWindows() {
    Instant before = clock.instant().minus(Duration.ofDays(1));
    leases
        .values()
        .removeIf(lease -> lease.windowStart != null && lease.windowStart.isBefore(before));
    jdbc.sql("delete from rate_limit_windows where window_start < :before")
        .param("before", before.atOffset(ZoneOffset.UTC))
        .update();
  }
}
