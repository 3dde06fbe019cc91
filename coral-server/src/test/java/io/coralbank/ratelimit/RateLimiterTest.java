package io.coralbank.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Leases from the shared counter: two limiters on one database stand for two server processes, each
 * with its own leases, as {@code RateLimitTest} does with two whole servers for small limits.
 */
class RateLimiterTest extends HttpIntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;

  @Test
  void twoProcessesLeasingFromOneCounterAdmitExactlyTheLimitBetweenThem() throws Exception {
    RateLimiter first = new RateLimiter(jdbc, clock);
    RateLimiter second = new RateLimiter(jdbc, clock);
    String key = "test:" + UUID.randomUUID();
    int limit = 5_000;
    List<Future<Integer>> callers = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int caller = 0; caller < 16; caller++) {
        RateLimiter limiter = caller % 2 == 0 ? first : second;
        callers.add(
            threads.submit(
                () -> {
                  int admitted = 0;
                  for (int request = 0; request < 700; request++) {
                    if (limiter.consume(key, limit, Duration.ofHours(1)).allowed()) {
                      admitted++;
                    }
                  }
                  return admitted;
                }));
      }
    }
    int admitted = 0;
    for (Future<Integer> caller : callers) {
      admitted += caller.get();
    }

    // Each limiter alone is asked for more than the limit (8 x 700), so each spends every lease it
    // took before it refuses: together they admit the limit exactly, and never more.
    assertThat(admitted).isEqualTo(limit);
    assertThat(first.consume(key, limit, Duration.ofHours(1)).allowed()).isFalse();
    assertThat(second.consume(key, limit, Duration.ofHours(1)).remaining()).isZero();
  }

  @Test
  void aBusyClientWritesTheCounterOncePerLeaseNotOncePerRequest() {
    RateLimiter limiter = new RateLimiter(jdbc, clock);
    String key = "test:" + UUID.randomUUID();
    int limit = 1_000_000;

    RateLimitDecision last = null;
    for (int request = 0; request < 1_000; request++) {
      last = limiter.consume(key, limit, Duration.ofHours(1));
    }

    long counted =
        jdbc.sql("select count from rate_limit_windows where key = :key")
            .param("key", key)
            .query(Long.class)
            .single();
    // Ten leases of a hundred: the counter moved ten times, and the caller sees its own count.
    assertThat(counted).isEqualTo(1_000);
    assertThat(last.allowed()).isTrue();
    assertThat(last.remaining()).isEqualTo(limit - 1_000);
  }
}
