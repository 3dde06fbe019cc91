package io.coralbank.dialect.cayman;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.identity.ApiClients;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Cayman's API keys: Bearer on every request, 401 {@code unauthorized} in Cayman's shape. */
class CaymanAuthTest extends HttpIntegrationTest {

  private static final String PROTECTED = "/cayman/test-probe/protected";

  private String customer() {
    return newCustomer();
  }

  private String apiKey(String customerId, String extra) {
    return newCredentials(customerId, "{\"dialect\": \"cayman\"" + extra + "}")
        .path("apiKey")
        .asString();
  }

  private HttpResponse<String> call(String key) {
    HttpRequest.Builder request = request(PROTECTED);
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return send(request.GET());
  }

  @Test
  void aValidKeyOpensTheApiAsItsCustomer() {
    String customerId = customer();
    String key = apiKey(customerId, "");

    HttpResponse<String> first = call(key);
    HttpResponse<String> second = call(key);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(body(first).path("customer").asString()).isEqualTo(customerId);
    assertThat(second.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownMalformedAndTamperedKeysAreUnauthorizedInCaymansShape() {
    String key = apiKey(customer(), "");
    String tampered = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");

    for (String bad : new String[] {null, "sk_nope", tampered, "sk_" + "0".repeat(32) + "_x"}) {
      HttpResponse<String> response = call(bad);
      assertThat(response.statusCode()).isEqualTo(401);
      JsonNode error = body(response).path("error");
      assertThat(error.path("code").asString()).isEqualTo("unauthorized");
      assertThat(error.path("request_id").asString())
          .isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }
  }

  @Test
  void aDisabledClientsKeyStopsAtOnceEvenThoughItWasRemembered(@Autowired ApiClients clients) {
    String customerId = customer();
    String key = apiKey(customerId, "");
    assertThat(call(key).statusCode()).isEqualTo(200);
    UUID clientId =
        UUID.fromString(
            key.substring(3, 35).replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));

    clients.disable(UUID.fromString(customerId), clientId);

    assertThat(call(key).statusCode()).isEqualTo(401);
  }

  @Test
  void aKeyWithoutThePermissionIsForbiddenAndOneOutsideItsAllowListToo() {
    String customerId = customer();
    String limited = apiKey(customerId, ", \"permissions\": [\"transfers:read\"]");
    String fenced = apiKey(customerId, ", \"ipAllowList\": [\"192.0.2.0/24\"]");

    assertThat(body(call(limited)).path("error").path("code").asString()).isEqualTo("forbidden");
    assertThat(call(limited).statusCode()).isEqualTo(403);
    assertThat(body(call(fenced)).path("error").path("code").asString())
        .isEqualTo("ip_not_allowed");
  }

  @Test
  void aBcbTokenIsNotACaymanKey() {
    String token = bcbToken(newCredentials("{\"dialect\": \"bcb\"}"));

    assertThat(call(token).statusCode()).isEqualTo(401);
    assertThat(call(ADMIN_TOKEN).statusCode()).isEqualTo(401);
  }
}
