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

    // Seven banking accounts and the three Cayman wallets: one customer, one ledger.
    assertThat(accounts.path("meta").path("pagination").path("total_size").asInt()).isEqualTo(10);
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

  @Test
  void theDocumentedCaymanKeySeesFundedUsdEurAndBtcWallets() {
    JsonNode wallets =
        body(
            send(
                request("/cayman/v1/wallets")
                    .header("Authorization", "Bearer " + DemoData.CAYMAN_API_KEY)));

    assertThat(wallets.path("data")).hasSize(3);
    assertThat(wallets.path("data").get(2).path("currency").asString()).isEqualTo("BTC");
    assertThat(wallets.path("data").get(2).path("available_balance").asString())
        .isEqualTo("0.42350000");
    assertThat(wallets.path("data").get(0).path("id").asString()).startsWith("wal_");
    assertThat(wallets.path("has_more").asBoolean()).isFalse();
  }
}
