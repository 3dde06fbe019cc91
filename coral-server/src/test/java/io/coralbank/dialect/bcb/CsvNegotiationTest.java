package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class CsvNegotiationTest extends HttpIntegrationTest {

  private static final String ACCOUNTS = "/bcb/test-probe/accounts";

  @Test
  void acceptTextCsvGivesAHeaderRowAndOneRowPerListItemWithNestedFieldsDottedAndListsJoined() {
    HttpResponse<String> response = send(request(ACCOUNTS).header("Accept", "text/csv").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    assertThat(response.body().lines().toList())
        .containsExactly(
            "number,balance.amount,balance.currency,owners,accountAttributes.name,accountAttributes.value",
            "1000000017,1250.00,USD,\"Acme Trading Ltd;Jane Doe\",STATUS;HOLD,ACTIVE;0.00",
            "1000000025,3.10,BMD,\"Acme Trading Ltd\",STATUS;HOLD,BLOCKED;1.00");
  }

  @Test
  void withoutAcceptTheSameEndpointAnswersJson() {
    HttpResponse<String> response = get(ACCOUNTS);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(body(response).path("meta").path("pagination").path("total_size").asInt())
        .isEqualTo(2);
    assertThat(body(response).path("data").get(0).path("balance").path("amount").asString())
        .isEqualTo("1250.00");
  }

  @Test
  void anAcceptHeaderListingJsonAmongOthersGetsJson() {
    HttpResponse<String> response =
        send(request(ACCOUNTS).header("Accept", "application/xml, application/json;q=0.5").GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
  }

  @Test
  void anUnsupportedAcceptIsNotAcceptableInBcbsErrorShape() {
    HttpResponse<String> response =
        send(request(ACCOUNTS).header("Accept", "application/xml").GET());

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(body(response).path("error").asString()).isEqualTo("NOT_ACCEPTABLE");
    assertThat(body(response).path("message").asString()).contains("text/csv");
  }
}
