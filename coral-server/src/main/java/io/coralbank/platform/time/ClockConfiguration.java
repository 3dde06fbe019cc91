package io.coralbank.platform.time;

import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Declares the one {@link Clock} bean, resuming the sandbox offset stored by an earlier run. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

  @Bean
  CoralClock clock(JdbcClient jdbc) {
    long storedOffsetSeconds =
        jdbc.sql("select offset_seconds from sandbox_clock")
            .query(Long.class)
            .optional()
            .orElse(0L);
    return new CoralClock(Clock.systemUTC(), Duration.ofSeconds(storedOffsetSeconds));
  }
}
