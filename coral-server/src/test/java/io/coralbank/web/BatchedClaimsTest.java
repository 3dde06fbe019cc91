package io.coralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.platform.database.DatabaseNotifications;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keys of ledger-only routes are claimed and completed in batches, committed outside the request's
 * transaction (ADR 0009): one effect per key still, and a claim whose process died is taken over.
 */
class BatchedClaimsTest extends HttpIntegrationTest {

  private static final String ROUTE = "/bcb/v1/internal-transfers";

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;

  private record Payer(String token, String from, String to) {}

  private Payer payer(String funding) {
    String customer = newCustomer();
    String token = bcbToken(newCredentials(customer, "{\"dialect\": \"bcb\"}"));
    return new Payer(
        token,
        openAccount(customer, "USD", "CURRENT", funding),
        openAccount(newCustomer(), "USD", "CURRENT", null));
  }

  private HttpResponse<String> transfer(Payer payer, String amount, String key) {
    String body =
        "{\"debitAccountNumber\": \""
            + payer.from()
            + "\", \"debitAmountCurrency\": \"USD\", \"creditAccountNumber\": \""
            + payer.to()
            + "\", \"creditAmountCurrency\": \"USD\", \"debitAmount\": \""
            + amount
            + "\"}";
    return post(payer, body, key);
  }

  private HttpResponse<String> post(Payer payer, String body, String key) {
    return send(
        request(ROUTE)
            .header("Authorization", "Bearer " + payer.token())
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private String posted(String number) {
    return body(admin("GET", "/admin/v1/accounts/" + number, null))
        .path("balance")
        .path("posted")
        .asString();
  }

  /** Makes the key's stored row look like the claim of a process that never completed it. */
  private void leaveUnfinished(String key, int owner) {
    int changed =
        jdbc.sql(
                "update idempotency_keys set status_code = null, content_type = null, body = null,"
                    + " owner = :owner, lease_expires_at = now() + interval '1 hour'"
                    + " where key = :key")
            .param("owner", owner)
            .param("key", key)
            .update();
    assertThat(changed).isEqualTo(1);
  }

  @Test
  void twentyConcurrentTransfersWithOneKeyMoveTheMoneyOnceAndAnswerAlike() throws Exception {
    Payer payer = payer("100.00");
    String key = UUID.randomUUID().toString();
    List<String> bodies = new ArrayList<>();
    long replayed = 0;
    for (HttpResponse<String> response : sendTogether(20, () -> transfer(payer, "7.00", key))) {
      assertThat(response.statusCode()).isEqualTo(200);
      bodies.add(response.body());
      if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
        replayed++;
      }
    }
    assertThat(bodies).containsOnly(bodies.getFirst());
    assertThat(replayed).isEqualTo(19);
    assertThat(posted(payer.from())).isEqualTo("93.00");
    assertThat(posted(payer.to())).isEqualTo("7.00");
  }

  @Test
  void aClaimLeftByADeadProcessAfterItsEffectIsTakenOverAndTheRetryMovesNothingAgain() {
    Payer payer = payer("100.00");
    String key = UUID.randomUUID().toString();
    HttpResponse<String> first = transfer(payer, "10.00", key);
    // No process holds presence lock 1: its owner is dead, as after a SIGKILL between the ledger's
    // commit and the stored response.
    leaveUnfinished(key, 1);

    HttpResponse<String> retry = transfer(payer, "10.00", key);
    HttpResponse<String> replay = transfer(payer, "10.00", key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(body(retry).path("id").asString()).isEqualTo(body(first).path("id").asString());
    assertThat(replay.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(posted(payer.from())).isEqualTo("90.00");
    assertThat(posted(payer.to())).isEqualTo("10.00");
  }

  @Test
  void aRetryWaitsWhileTheClaimsOwnerLivesAndTakesItOverWhenTheOwnerDies() throws Exception {
    Payer payer = payer("100.00");
    String key = UUID.randomUUID().toString();
    transfer(payer, "10.00", key);
    int owner = 1_000_000 + (int) (Math.random() * 1_000_000);
    leaveUnfinished(key, owner);

    HttpResponse<String> retry;
    try (Connection ownerSession = dataSource.getConnection()) {
      presence(ownerSession, "select pg_advisory_lock(?, ?)", owner);
      try (ExecutorService background = Executors.newVirtualThreadPerTaskExecutor()) {
        Future<HttpResponse<String>> waiting =
            background.submit(() -> transfer(payer, "10.00", key));
        Thread.sleep(700);
        assertThat(waiting.isDone()).as("the retry waits while the owner lives").isFalse();
        presence(ownerSession, "select pg_advisory_unlock(?, ?)", owner);
        retry = waiting.get();
      }
    }

    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(posted(payer.from())).isEqualTo("90.00");
  }

  private static void presence(Connection session, String sql, int owner) throws Exception {
    try (PreparedStatement statement = session.prepareStatement(sql)) {
      statement.setInt(1, DatabaseNotifications.PRESENCE_NAMESPACE);
      statement.setInt(2, owner);
      statement.execute();
    }
  }

  @Test
  void aRequestRefusedBeforeItsEffectGivesItsClaimUpSoTheCorrectedRetryRuns() {
    Payer payer = payer("100.00");
    String key = UUID.randomUUID().toString();

    // Without the credit account the request is malformed, refused before any effect.
    HttpResponse<String> malformed =
        post(payer, "{\"debitAccountNumber\": \"" + payer.from() + "\"}", key);
    long claimsLeft =
        jdbc.sql("select count(*) from idempotency_keys where key = :key")
            .param("key", key)
            .query(Long.class)
            .single();
    HttpResponse<String> corrected = transfer(payer, "10.00", key);

    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(claimsLeft).isZero();
    assertThat(corrected.statusCode()).isEqualTo(200);
    assertThat(corrected.headers().firstValue("Idempotent-Replayed")).isEmpty();
    assertThat(posted(payer.from())).isEqualTo("90.00");
  }

  @Test
  void aBusinessRefusalIsStoredWithItsAuditEntryAndReplayed() {
    Payer payer = payer("5.00");
    String key = UUID.randomUUID().toString();

    HttpResponse<String> refused = transfer(payer, "10.00", key);
    HttpResponse<String> replayed = transfer(payer, "10.00", key);

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(body(refused).path("error").asString()).isEqualTo("INSUFFICIENT_FUNDS");
    assertThat(replayed.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(replayed.body()).isEqualTo(refused.body());
    String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(
            jdbc.sql("select outcome from audit_log where request_id = :id")
                .param("id", requestId)
                .query(String.class)
                .list())
        .containsExactly("failed 400");
  }
}
