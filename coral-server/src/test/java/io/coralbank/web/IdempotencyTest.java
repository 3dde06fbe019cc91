package io.coralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** One effect per Idempotency-Key, in every dialect, through the one interceptor. */
class IdempotencyTest extends HttpIntegrationTest {

  @Autowired JdbcClient jdbc;

  private HttpResponse<String> keyed(String path, String body, String key) {
    HttpRequest.Builder request =
        request(path)
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/json");
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private long customersNamed(String name) {
    return jdbc.sql("select count(*) from customers where name = :name")
        .param("name", name)
        .query(Long.class)
        .single();
  }

  @Test
  void twentyConcurrentRequestsWithOneKeyHaveOneEffectAndIdenticalResponses() throws Exception {
    String name = "Concurrent " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String body = "{\"name\": \"" + name + "\", \"type\": \"CORPORATE\"}";
    List<String> bodies = new ArrayList<>();
    long replayed = 0;
    for (HttpResponse<String> response :
        sendTogether(20, () -> keyed("/admin/v1/customers", body, key))) {
      assertThat(response.statusCode()).isEqualTo(201);
      bodies.add(response.body());
      if (response.headers().firstValue("Idempotent-Replayed").isPresent()) {
        replayed++;
      }
    }
    assertThat(bodies).containsOnly(bodies.getFirst());
    assertThat(replayed).isEqualTo(19);
  }

  @Test
  void aBodySentInChunksWithoutADeclaredLengthIsReadWholeAndReplayedLikeAnyOther() {
    String name = "Chunked " + UUID.randomUUID();
    String key = UUID.randomUUID().toString();
    String body = "{\"name\": \"" + name + "\", \"type\": \"CORPORATE\"}";

    HttpResponse<String> chunked =
        send(
            request("/admin/v1/customers")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)))));
    HttpResponse<String> retried = keyed("/admin/v1/customers", body, key);

    assertThat(chunked.statusCode()).isEqualTo(201);
    assertThat(retried.statusCode()).isEqualTo(201);
    assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(retried.body()).isEqualTo(chunked.body());
    assertThat(customersNamed(name)).isEqualTo(1);
  }

  @Test
  void theSameKeyWithAnotherBodyIsRefusedAndWithoutAKeyDuplicatesHappen() {
    String key = UUID.randomUUID().toString();
    String name = "Keyed " + UUID.randomUUID();
    keyed("/admin/v1/customers", "{\"name\": \"" + name + "\", \"type\": \"CORPORATE\"}", key);

    HttpResponse<String> reused =
        keyed("/admin/v1/customers", "{\"name\": \"" + name + "!\", \"type\": \"CORPORATE\"}", key);
    String unkeyed = "Unkeyed " + UUID.randomUUID();
    keyed("/admin/v1/customers", "{\"name\": \"" + unkeyed + "\", \"type\": \"CORPORATE\"}", null);
    keyed("/admin/v1/customers", "{\"name\": \"" + unkeyed + "\", \"type\": \"CORPORATE\"}", null);

    assertThat(reused.statusCode()).isEqualTo(422);
    assertThat(body(reused).path("code").asString()).isEqualTo("idempotency_key_reused");
    assertThat(customersNamed(name + "!")).isZero();
    assertThat(customersNamed(unkeyed)).isEqualTo(2);
  }

  @Test
  void aRetriedCreditMovesTheMoneyOnceAndTheSameKeyOnAnotherAccountIsAnotherRequest() {
    String customerId =
        body(keyed("/admin/v1/customers", "{\"name\": \"Payee\", \"type\": \"CORPORATE\"}", null))
            .path("id")
            .asString();
    String first =
        body(keyed(
                "/admin/v1/customers/" + customerId + "/accounts",
                "{\"currency\": \"USD\", \"kind\": \"CURRENT\"}",
                null))
            .path("accountNumber")
            .asString();
    String second =
        body(keyed(
                "/admin/v1/customers/" + customerId + "/accounts",
                "{\"currency\": \"USD\", \"kind\": \"CURRENT\"}",
                null))
            .path("accountNumber")
            .asString();
    String key = UUID.randomUUID().toString();
    String credit = "{\"amount\": \"10.00\", \"reference\": \"once\"}";

    HttpResponse<String> once = keyed("/admin/v1/accounts/" + first + "/credits", credit, key);
    HttpResponse<String> again = keyed("/admin/v1/accounts/" + first + "/credits", credit, key);
    HttpResponse<String> elsewhere =
        keyed("/admin/v1/accounts/" + second + "/credits", credit, key);

    assertThat(again.body()).isEqualTo(once.body());
    assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    assertThat(elsewhere.statusCode()).isEqualTo(422);
    JsonNode balance =
        body(send(
                request("/admin/v1/accounts/" + first)
                    .header("Authorization", "Bearer " + ADMIN_TOKEN)))
            .path("balance");
    assertThat(balance.path("posted").asString()).isEqualTo("10.00");
  }

  private JsonNode bcbClient() {
    String customerId =
        body(keyed("/admin/v1/customers", "{\"name\": \"Keys\", \"type\": \"CORPORATE\"}", null))
            .path("id")
            .asString();
    return body(
        keyed(
            "/admin/v1/customers/" + customerId + "/credentials", "{\"dialect\": \"bcb\"}", null));
  }

  private String token(JsonNode client) {
    return body(postJson(
            "/bcb/auth/token",
            "{\"clientId\": \""
                + client.path("clientId").asString()
                + "\", \"clientSecret\": \""
                + client.path("clientSecret").asString()
                + "\"}"))
        .path("token")
        .asString();
  }

  private HttpResponse<String> createCredentials(String token, String key) {
    return send(
        request("/bcb/v1/credentials")
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString("{}")));
  }

  @Test
  void bcbKeysMustBeUuidsAreKeptPerClientAndAuthenticationFailuresAreNotStored() {
    String tokenA = token(bcbClient());
    String tokenB = token(bcbClient());
    String key = UUID.randomUUID().toString();

    HttpResponse<String> notAUuid = createCredentials(tokenA, "not-a-uuid");
    HttpResponse<String> badToken = createCredentials(tokenA + "x", key);
    HttpResponse<String> first = createCredentials(tokenA, key);
    HttpResponse<String> replay = createCredentials(tokenA, key);
    HttpResponse<String> otherClient = createCredentials(tokenB, key);

    assertThat(notAUuid.statusCode()).isEqualTo(400);
    assertThat(body(notAUuid).path("error").asString()).isEqualTo("BAD_REQUEST");
    assertThat(badToken.statusCode()).isEqualTo(401);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(otherClient.statusCode()).isEqualTo(201);
    assertThat(body(otherClient).path("clientId").asString())
        .isNotEqualTo(body(first).path("clientId").asString());
  }

  private long auditEntries(String requestId) {
    return jdbc.sql("select count(*) from audit_log where request_id = :id")
        .param("id", requestId)
        .query(Long.class)
        .single();
  }

  @Test
  void aKeyedRequestIsAuditedOnceWithItsEffectAndARefusedRetryIsAuditedAsAFailure() {
    String key = UUID.randomUUID().toString();
    String name = "Audited " + UUID.randomUUID();

    HttpResponse<String> created =
        keyed("/admin/v1/customers", "{\"name\": \"" + name + "\", \"type\": \"CORPORATE\"}", key);
    HttpResponse<String> reused =
        keyed("/admin/v1/customers", "{\"name\": \"" + name + "?\", \"type\": \"CORPORATE\"}", key);

    String createdId = created.headers().firstValue("X-Request-Id").orElseThrow();
    String reusedId = reused.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(auditEntries(createdId)).isEqualTo(1);
    assertThat(
            jdbc.sql("select outcome from audit_log where request_id = :id")
                .param("id", createdId)
                .query(String.class)
                .single())
        .isEqualTo("succeeded");
    assertThat(
            jdbc.sql("select outcome from audit_log where request_id = :id")
                .param("id", reusedId)
                .query(String.class)
                .single())
        .isEqualTo("failed 422");
  }
}
