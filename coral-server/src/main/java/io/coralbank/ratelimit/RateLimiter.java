package io.coralbank.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Counts requests in fixed windows (BCB documents "a fixed window of 60 minutes"). One upsert per
 * request both counts and reads the count, atomically, whichever server process runs it; a refused
 * request still counts, so hammering a limit does not shorten the wait.
 */
@Service
public class RateLimiter {

  private final JdbcClient jdbc;
  private final Clock clock;

  RateLimiter(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Counts one request against {@code limit} per {@code window} for {@code key}. */
  public RateLimitDecision consume(String key, int limit, Duration window) {
    long windowMillis = window.toMillis();
    Instant now = clock.instant();
    Instant start =
        Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
    int count =
        jdbc.sql(
                """
                insert into rate_limit_windows (key, window_start, count) values (:key, :start, 1)
                on conflict (key, window_start)
                do update set count = rate_limit_windows.count + 1
                returning count
                """)
            .param("key", key)
            .param("start", start.atOffset(ZoneOffset.UTC))
            .query(Integer.class)
            .single();
    return new RateLimitDecision(
        count <= limit, limit, Math.max(0, limit - count), start.plus(window));
  }

  /** Forgets windows that ended more than a day ago. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void forgetOldWindows() {
    jdbc.sql("delete from rate_limit_windows where window_start < :before")
        .param("before", clock.instant().minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
        .update();
  }
}
