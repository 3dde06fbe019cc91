package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.AccountOpening;
import io.coralbank.accounts.Accounts;
import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.SettableClock;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Only a transaction of the current Bermuda business day can be reversed. */
class BcbReversalRulesTest extends HttpIntegrationTest {

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    SettableClock settableClock() {
      // 22:30 in Bermuda on Monday 13 January 2025: the Bermuda day ends in 90 minutes.
      return new SettableClock(Instant.parse("2025-01-14T02:30:00Z"));
    }
  }

  @Autowired SettableClock clock;
  @Autowired Accounts accounts;

  private HttpResponse<String> call(String token, String method, String path, String body) {
    return callBcb(token, method, path, body);
  }

  @Test
  void aTransactionOfAnEarlierBermudaDayIsNotReversedButOneOfTodayIs() {
    String customer = newCustomer();
    String credentials = "{\"dialect\": \"bcb\"}";
    String token = bcbToken(newCredentials(customer, credentials));
    openAccount(customer, "USD", "SETTLEMENT", "1000.00");
    openAccount(customer, "USD", "PARENT", null);
    String sub =
        ((AccountOpening.Opened)
                accounts.openCustomerAccount(
                    UUID.fromString(customer), "USD", AccountKind.SUB, "Jane Smith"))
            .account()
            .number();
    String credit = "{\"creditAmountCurrency\": \"USD\", \"creditAmount\": \"10.00\"}";
    String yesterdays =
        body(call(token, "POST", "/v1/virtual-accounts/" + sub + "/transfers/credit", credit))
            .path("id")
            .asString();

    clock.set(clock.instant().plus(Duration.ofHours(2))); // 00:30 on Tuesday in Bermuda
    String fresh = bcbToken(newCredentials(customer, credentials));
    String todays =
        body(call(fresh, "POST", "/v1/virtual-accounts/" + sub + "/transfers/credit", credit))
            .path("id")
            .asString();
    HttpResponse<String> late =
        call(fresh, "DELETE", "/v1/virtual-accounts/transactions/" + yesterdays, null);
    HttpResponse<String> sameDay =
        call(fresh, "DELETE", "/v1/virtual-accounts/transactions/" + todays, null);

    assertThat(late.statusCode()).isEqualTo(400);
    assertThat(body(late).path("message").asString()).contains("current business day");
    assertThat(sameDay.statusCode()).as(sameDay.body()).isEqualTo(200);
  }
}
