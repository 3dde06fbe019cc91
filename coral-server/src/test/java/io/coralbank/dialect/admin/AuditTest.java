package io.coralbank.dialect.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Credential changes, refused requests and every operator action reach the audit log. */
class AuditTest extends HttpIntegrationTest {

  private List<JsonNode> audit(String query) {
    HttpResponse<String> response = admin("GET", "/admin/v1/audit" + query, null);
    assertThat(response.statusCode()).isEqualTo(200);
    List<JsonNode> entries = new ArrayList<>();
    body(response).path("data").forEach(entries::add);
    return entries;
  }

  @Test
  void operatorActionsCredentialChangesAndRefusalsAreAuditedWithoutSecrets() {
    String customerId =
        body(admin(
                "POST", "/admin/v1/customers", "{\"name\": \"Audited\", \"type\": \"CORPORATE\"}"))
            .path("id")
            .asString();
    JsonNode credentials =
        body(
            admin(
                "POST",
                "/admin/v1/customers/" + customerId + "/credentials",
                "{\"dialect\": \"bcb\", \"permissions\": [\"get-public-keys\"]}"));
    String clientId = credentials.path("clientId").asString();
    String secret = credentials.path("clientSecret").asString();
    postJson(
        "/bcb/auth/token",
        "{\"clientId\": \"" + clientId + "\", \"clientSecret\": \"not-" + secret + "\"}");
    String token =
        body(postJson(
                "/bcb/auth/token",
                "{\"clientId\": \"" + clientId + "\", \"clientSecret\": \"" + secret + "\"}"))
            .path("token")
            .asString();
    send(
        request("/bcb/v1/credentials/" + clientId)
            .header("Authorization", "Bearer " + token)
            .method("PATCH", HttpRequest.BodyPublishers.noBody()));
    send(request("/admin/v1/customers").GET());

    List<JsonNode> forCustomer = audit("?customerId=" + customerId);
    assertThat(forCustomer)
        .extracting(
            entry -> entry.path("action").asString() + " " + entry.path("outcome").asString())
        .contains(
            "POST /admin/v1/customers/{customerId}/credentials succeeded",
            "PATCH /bcb/v1/credentials/{clientId} refused: not_permitted");
    JsonNode denial =
        forCustomer.stream()
            .filter(entry -> entry.path("action").asString().startsWith("PATCH"))
            .findFirst()
            .orElseThrow();
    assertThat(denial.path("actor").asString()).isEqualTo("client:" + clientId);
    assertThat(denial.path("requestId").asString()).isNotBlank();
    assertThat(denial.path("remoteAddress").asString()).isNotBlank();

    List<JsonNode> logins = audit("?action=POST%20/bcb/auth/token");
    assertThat(logins)
        .anySatisfy(
            entry -> {
              assertThat(entry.path("actor").asString()).isEqualTo("client:" + clientId);
              assertThat(entry.path("outcome").asString()).isEqualTo("refused: not_authenticated");
            });
    assertThat(audit("?action=GET%20/admin/v1/customers"))
        .anySatisfy(entry -> assertThat(entry.path("actor").asString()).isEqualTo("anonymous"));
    assertThat(audit("?limit=1000").toString()).doesNotContain(secret).doesNotContain(token);
  }

  @Test
  void theLogIsReadNewestFirstAPageAtATime() {
    for (int index = 0; index < 3; index++) {
      admin(
          "POST",
          "/admin/v1/customers",
          "{\"name\": \"Paged " + index + "\", \"type\": \"INDIVIDUAL\"}");
    }
    HttpResponse<String> first = admin("GET", "/admin/v1/audit?limit=2", null);
    long before = body(first).path("nextBefore").asLong();
    List<JsonNode> second = audit("?limit=2&before=" + before);

    assertThat(body(first).path("data").get(0).path("id").asLong())
        .isGreaterThan(body(first).path("data").get(1).path("id").asLong());
    assertThat(second.getFirst().path("id").asLong()).isLessThan(before);
    assertThat(admin("GET", "/admin/v1/audit?limit=0", null).statusCode()).isEqualTo(400);
    assertThat(admin("GET", "/admin/v1/audit?customerId=nope", null).statusCode()).isEqualTo(400);
  }
}
