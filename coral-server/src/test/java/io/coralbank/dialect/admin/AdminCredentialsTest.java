package io.coralbank.dialect.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;

/** {@code POST /admin/v1/customers/{id}/credentials} as the admin contract writes it. */
@ExtendWith(OutputCaptureExtension.class)
class AdminCredentialsTest extends HttpIntegrationTest {

  private String customer() {
    return newCustomer();
  }

  private HttpResponse<String> credentials(String customerId, String body) {
    return admin("POST", "/admin/v1/customers/" + customerId + "/credentials", body);
  }

  @Test
  void bcbCredentialsCarryAClientIdASecretAMessageSigningSecretAndEveryPermission() {
    HttpResponse<String> response = credentials(customer(), "{\"dialect\": \"bcb\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = body(response);
    assertThat(body.path("clientId").asString()).matches("[0-9a-f-]{36}");
    assertThat(body.path("clientSecret").asString()).hasSizeBetween(22, 30);
    assertThat(body.path("messageSigningSecret").asString()).isNotBlank();
    assertThat(body.has("apiKey")).isFalse();
    assertThat(body.path("permissions").size()).isGreaterThan(10);
  }

  @Test
  void caymanCredentialsAreAnApiKeyAndVaultsPayCredentialsAClientIdAndSecret() {
    String customerId = customer();
    JsonNode cayman =
        body(
            credentials(
                customerId, "{\"dialect\": \"cayman\", \"permissions\": [\"wallets:read\"]}"));
    JsonNode vaultsPay = body(credentials(customerId, "{\"dialect\": \"vaultspay\"}"));

    assertThat(cayman.path("apiKey").asString()).startsWith("sk_");
    assertThat(cayman.has("clientId")).isFalse();
    assertThat(cayman.path("permissions").toString()).isEqualTo("[\"wallets:read\"]");
    assertThat(vaultsPay.path("clientId").asString()).isNotBlank();
    assertThat(vaultsPay.path("clientSecret").asString()).isNotBlank();
    assertThat(vaultsPay.has("messageSigningSecret")).isFalse();
  }

  @ParameterizedTest(name = "{0} is refused with {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"dialect\": \"swift\"}|400|dialect_must_be_bcb_cayman_or_vaultspay",
        "{}|400|dialect_must_be_bcb_cayman_or_vaultspay",
        "{\"dialect\": \"bcb\", \"permissions\": [\"get-accounts\", \"root\"]}|400|permissions_must_be_in_the_catalogue",
        "{\"dialect\": \"cayman\", \"permissions\": [\"get-accounts\"]}|400|permissions_must_be_in_the_catalogue",
        "{\"dialect\": \"bcb\", \"ipAllowList\": [\"office\"]}|400|ip_allow_list_entries_must_be_addresses_or_cidr_blocks",
        "{\"dialect\": \"bcb\", \"permissions\": [null]}|400|malformed_request",
        "{\"dialect\": \"bcb\", \"ipAllowList\": [null]}|400|malformed_request",
      })
  void badCredentialRequestsAreRefused(String body, int status, String code) {
    HttpResponse<String> response = credentials(customer(), body);

    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(body(response).path("code").asString()).isEqualTo(code);
  }

  @Test
  void credentialsForAnUnknownCustomerAreNotFound() {
    assertThat(
            credentials("00000000-0000-0000-0000-000000000000", "{\"dialect\": \"bcb\"}")
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void noSecretEverAppearsInTheLog(CapturedOutput output) {
    JsonNode bcb = body(credentials(customer(), "{\"dialect\": \"bcb\"}"));
    JsonNode cayman = body(credentials(customer(), "{\"dialect\": \"cayman\"}"));
    String clientSecret = bcb.path("clientSecret").asString();
    HttpResponse<String> login =
        postJson(
            "/bcb/auth/token",
            "{\"clientId\": \""
                + bcb.path("clientId").asString()
                + "\", \"clientSecret\": \""
                + clientSecret
                + "\"}");
    postJson(
        "/bcb/auth/token",
        "{\"clientId\": \"" + bcb.path("clientId").asString() + "\", \"clientSecret\": \"wrong\"}");
    String token = body(login).path("token").asString();
    send(request("/bcb/v1/.well-known/jwks.json").header("Authorization", "Bearer " + token + "x"));

    assertThat(output.getAll())
        .doesNotContain(clientSecret)
        .doesNotContain(bcb.path("messageSigningSecret").asString())
        .doesNotContain(cayman.path("apiKey").asString())
        .doesNotContain(token)
        .doesNotContain(
            ADMIN_TOKEN.equals("sandbox-admin-token") ? "Bearer sandbox-admin-token" : "");
  }
}
