package io.coralbank.platform.time;

import io.coralbank.platform.CoralMode;
import io.coralbank.platform.CoralProperties;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves the sandbox clock forward. The new offset is stored before it takes effect, so a restart
 * resumes at the advanced time rather than jumping back.
 */
@Service
public class SandboxClockService {

  /** Ten years: far enough for any expiry an integrator tests, short of overflowing dates. */
  public static final long MAXIMUM_ADVANCE_SECONDS = 10L * 366 * 24 * 3600;

  private final CoralClock clock;
  private final JdbcClient jdbc;
  private final CoralMode mode;

  SandboxClockService(CoralClock clock, JdbcClient jdbc, CoralProperties properties) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.mode = properties.mode();
  }

  public boolean isAvailable() {
    return mode == CoralMode.SANDBOX;
  }

  /**
   * Advances the clock by {@code seconds} (1 to {@link #MAXIMUM_ADVANCE_SECONDS}) and returns the
   * new "now". The row lock serialises concurrent advances, so none is lost.
   */
  @Transactional
  public Instant advance(long seconds) {
    if (!isAvailable()) {
      throw new IllegalStateException("The clock can only be moved in sandbox mode");
    }
    if (seconds < 1 || seconds > MAXIMUM_ADVANCE_SECONDS) {
      throw new IllegalArgumentException(
          "seconds must be between 1 and " + MAXIMUM_ADVANCE_SECONDS);
    }
    long offsetSeconds =
        jdbc.sql(
                """
                insert into sandbox_clock (offset_seconds, updated_at) values (:seconds, :now)
                on conflict (singleton) do update
                   set offset_seconds = sandbox_clock.offset_seconds + excluded.offset_seconds,
                       updated_at = excluded.updated_at
                returning offset_seconds
                """)
            .param("seconds", seconds)
            .param("now", OffsetDateTime.now(ZoneOffset.UTC))
            .query(Long.class)
            .single();
    clock.setOffset(Duration.ofSeconds(offsetSeconds));
    return clock.instant();
  }
}
