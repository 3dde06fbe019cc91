package io.coralbank.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Claims on real PostgreSQL, two transactions racing for one key. */
class IdempotencyKeysTest extends HttpIntegrationTest {

  @Autowired JdbcClient jdbc;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactions;

  @Test
  void aSecondClaimWaitsForTheFirstOnlyAsLongAsConfiguredThenFindsItInProgress() throws Exception {
    IdempotencyKeys keys =
        new IdempotencyKeys(
            jdbc, clock, new IdempotencyProperties(Duration.ofHours(1), Duration.ofMillis(300)));
    TransactionTemplate transaction = new TransactionTemplate(transactions);
    String key = UUID.randomUUID().toString();
    byte[] hash = {1, 2, 3};
    CountDownLatch firstClaimed = new CountDownLatch(1);
    CountDownLatch secondAnswered = new CountDownLatch(1);

    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Claim> first =
          threads.submit(
              () ->
                  transaction.execute(
                      status -> {
                        Claim claim = keys.claim("test", "POST /things", key, hash);
                        firstClaimed.countDown();
                        awaitQuietly(secondAnswered);
                        status.setRollbackOnly();
                        return claim;
                      }));
      firstClaimed.await();
      Claim second;
      try {
        // As the interceptor does, a claim that is not granted rolls its transaction back.
        second =
            transaction.execute(
                status -> {
                  status.setRollbackOnly();
                  return keys.claim("test", "POST /things", key, hash);
                });
      } finally {
        secondAnswered.countDown();
      }

      assertThat(first.get()).isInstanceOf(Claim.Granted.class);
      assertThat(second).isInstanceOf(Claim.InProgress.class);
    }
    // The first rolled back: the key is free again, and the next claim is granted.
    Claim afterwards = transaction.execute(status -> keys.claim("test", "POST /things", key, hash));
    assertThat(afterwards).isInstanceOf(Claim.Granted.class);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
