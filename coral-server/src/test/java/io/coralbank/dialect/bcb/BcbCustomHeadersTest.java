package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The custom headers a client gives for its notifications and job callbacks are checked when they
 * are given, by the same rules for both (BcbCustomHeaders): a header that could not be sent is
 * refused then, not found out at every delivery. What a stored header that cannot be sent does to
 * its deliveries is in BcbNotificationsTest.
 */
class BcbCustomHeadersTest extends HttpIntegrationTest {

  @Test
  void customHeadersThatCannotBeSentAreRefusedWhenGiven() throws InterruptedException {
    String caller = newCustomer();
    String token = bcbToken(newCredentials(caller, "{\"dialect\": \"bcb\"}"));
    for (String headers :
        List.of(
            "{\"X-Amount\": \"\u0661\u0660\u0660\"}",
            "{\"X-Partner\": \"a\\tb\\u007f\"}",
            "{\"Host\": \"example.com\"}",
            "{\"Bcb-Signature\": \"forged\"}",
            "{\"X Partner\": \"acme\"}")) {
      HttpResponse<String> subscription =
          callBcb(
              token,
              "POST",
              "/v1/notifications/subscriptions",
              "{\"url\": \"https://example.com/deposits\", \"topic\": \"Deposits\","
                  + " \"customHeaders\": "
                  + headers
                  + "}");
      assertThat(subscription.statusCode()).as(headers).isEqualTo(400);
      assertThat(body(subscription).path("message").asString())
          .as(headers)
          .contains("customHeaders");
    }
    // Job callbacks take the same headers through the same check. Creating a job is paced across
    // all clients (one request in two seconds), so this waits its turn.
    openAccount(caller, "USD", "SETTLEMENT", null);
    openAccount(caller, "USD", "PARENT", null);
    HttpResponse<String> job;
    int tries = 0;
    do {
      if (tries++ > 0) {
        Thread.sleep(2_100);
      }
      job =
          callBcb(
              token,
              "POST",
              "/v1/virtual-accounts",
              "{\"items\": [{\"currency\": \"USD\", \"unallocated\": true}],"
                  + " \"callbackUrl\": \"https://example.com/jobs\","
                  + " \"customHeaders\": {\"X-Amount\": \"\u0661\u0660\u0660\"}}");
    } while (job.statusCode() == 429 && tries < 5);
    assertThat(job.statusCode()).as(job.body()).isEqualTo(400);
    assertThat(body(job).path("message").asString()).contains("customHeaders");
    assertThat(body(callBcb(token, "GET", "/v1/notifications/subscriptions", null))).isEmpty();
  }
}
