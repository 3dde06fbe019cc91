package io.coralbank.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The README's demo credentials work on a fresh sandbox, and the demo accounts are funded. */
class DemoDataTest extends HttpIntegrationTest {

  @Test
  void theDocumentedBcbCredentialsGetATokenThatSeesTheFundedDemoAccounts() {
    HttpResponse<String> login =
        postJson(
            "/bcb/auth/token",
            "{\"clientId\": \""
                + DemoData.BCB_CLIENT
                + "\", \"clientSecret\": \""
                + DemoData.BCB_SECRET
                + "\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    String token = body(login).path("token").asString();

    JsonNode accounts =
        body(send(request("/bcb/v1/accounts").header("Authorization", "Bearer " + token)));

    assertThat(accounts.path("meta").path("pagination").path("total_size").asInt()).isEqualTo(7);
    assertThat(accounts.path("data"))
        .anySatisfy(
            account -> {
              assertThat(account.path("label").asString()).isEqualTo("Demo USD current");
              assertThat(account.path("balance").path("amount").asString()).isEqualTo("10000.00");
            })
        .anySatisfy(
            account -> assertThat(account.path("type").asString()).isEqualTo("CMS Parent Cate"));
  }

  @Test
  void theDocumentedCaymanKeyAndVaultsPayCredentialsWork() {
    HttpResponse<String> cayman =
        send(
            request("/cayman/test-probe/protected")
                .header("Authorization", "Bearer " + DemoData.CAYMAN_API_KEY));
    HttpResponse<String> vaultsPay =
        postJson(
            "/vaultspay/as/api/v1/saas-login",
            "{\"clientId\": \""
                + DemoData.VAULTSPAY_CLIENT
                + "\", \"clientSecret\": \""
                + DemoData.VAULTSPAY_SECRET
                + "\"}");

    assertThat(cayman.statusCode()).isEqualTo(200);
    assertThat(vaultsPay.statusCode()).isEqualTo(200);
  }
}
