package io.coralbank.dialect.vaultspay;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.platform.time.SandboxClockService;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** VaultsPay login, refresh and the documented error codes of every token problem. */
class VaultsPayAuthTest extends HttpIntegrationTest {

  private static final String PROTECTED = "/vaultspay/test-probe/protected";

  private JsonNode credentials(String extra) {
    return newCredentials("{\"dialect\": \"vaultspay\"" + extra + "}");
  }

  private HttpResponse<String> login(JsonNode credentials) {
    return vaultsPayLogin(credentials);
  }

  private HttpResponse<String> call(String token) {
    HttpRequest.Builder request = request(PROTECTED);
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.GET());
  }

  private static String codeAndType(HttpResponse<String> response) {
    return response.statusCode()
        + " "
        + body(response).path("code").asInt()
        + " "
        + body(response).path("type").asString();
  }

  @Test
  void loginAnswersUnwrappedTokensAndTheAccessTokenOpensTheApi() {
    HttpResponse<String> login = login(credentials(""));

    assertThat(login.statusCode()).isEqualTo(200);
    JsonNode session = body(login);
    assertThat(session.has("data")).isFalse();
    assertThat(session.path("accessTokenExpiry").asString())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
    assertThat(session.path("refreshToken").asString()).startsWith("rt_");
    assertThat(session.path("refreshTokenExpiry").asString()).isNotBlank();
    HttpResponse<String> call = call(session.path("accessToken").asString());
    assertThat(call.statusCode()).isEqualTo(200);
    assertThat(body(call).path("data").path("client").asString()).isNotBlank();
  }

  @Test
  void theRefreshTokenRenewsTheAccessTokenInsideData() {
    String refreshToken = body(login(credentials(""))).path("refreshToken").asString();

    HttpResponse<String> refreshed =
        postJson(
            "/vaultspay/as/api/v1/saas-refresh-token",
            "{\"refreshToken\": \"" + refreshToken + "\"}");

    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(call(body(refreshed).path("data").path("accessToken").asString()).statusCode())
        .isEqualTo(200);
    assertThat(
            codeAndType(
                postJson(
                    "/vaultspay/as/api/v1/saas-refresh-token", "{\"refreshToken\": \"garbage\"}")))
        .isEqualTo("400 1036 INVALID_TOKEN");
  }

  @Test
  void everyRefreshTokenIssuedRefreshesWhateverCharactersItsSecretHas() {
    JsonNode credentials = credentials("");
    for (int attempt = 0; attempt < 10; attempt++) {
      String refreshToken = body(login(credentials)).path("refreshToken").asString();
      assertThat(
              postJson(
                      "/vaultspay/as/api/v1/saas-refresh-token",
                      "{\"refreshToken\": \"" + refreshToken + "\"}")
                  .statusCode())
          .as(refreshToken)
          .isEqualTo(200);
    }
  }

  @Test
  void eachTokenProblemHasItsDocumentedCode(@Autowired SandboxClockService sandboxClock) {
    JsonNode limited = credentials(", \"permissions\": [\"cards\"]");
    String limitedToken = body(login(limited)).path("accessToken").asString();
    JsonNode session = body(login(credentials("")));
    String token = session.path("accessToken").asString();
    JsonNode fenced = credentials(", \"ipAllowList\": [\"10.0.0.0/8\"]");

    assertThat(codeAndType(call(null))).isEqualTo("401 1002 UNAUTHENTICATED");
    assertThat(codeAndType(call("not-a-token"))).isEqualTo("400 1036 INVALID_TOKEN");
    assertThat(codeAndType(call(limitedToken))).isEqualTo("403 1008 NO_PRIVILEGE");
    assertThat(codeAndType(login(fenced))).isEqualTo("403 1007 IP_NOT_WHITELISTED");
    JsonNode wrong = credentials("");
    assertThat(
            codeAndType(
                postJson(
                    "/vaultspay/as/api/v1/saas-login",
                    "{\"clientId\": \""
                        + wrong.path("clientId").asString()
                        + "\", \"clientSecret\": \"nope\"}")))
        .isEqualTo("401 1002 UNAUTHENTICATED");

    sandboxClock.advance(61 * 60);
    assertThat(codeAndType(call(token))).isEqualTo("401 1003 TOKEN_EXPIRED");
    sandboxClock.advance(5 * 24 * 3600);
    assertThat(
            codeAndType(
                postJson(
                    "/vaultspay/as/api/v1/saas-refresh-token",
                    "{\"refreshToken\": \"" + session.path("refreshToken").asString() + "\"}")))
        .isEqualTo("401 1004 SESSION_EXPIRED");
  }

  @Test
  void aBcbTokenDoesNotOpenVaultsPay() {
    String bcbToken = bcbToken(newCredentials("{\"dialect\": \"bcb\"}"));

    assertThat(codeAndType(call(bcbToken))).isEqualTo("401 1002 UNAUTHENTICATED");
    assertThat(codeAndType(call(ADMIN_TOKEN))).isEqualTo("400 1036 INVALID_TOKEN");
  }
}
