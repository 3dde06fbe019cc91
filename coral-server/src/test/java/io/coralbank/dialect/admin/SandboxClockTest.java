package io.coralbank.dialect.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SandboxClockTest extends HttpIntegrationTest {

  private HttpResponse<String> advance(String body) {
    return send(
        request("/admin/v1/clock/advance")
            .header("Authorization", "Bearer " + ADMIN_TOKEN)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Instant now() {
    return Instant.parse(
        body(send(request("/admin/v1/clock").header("Authorization", "Bearer " + ADMIN_TOKEN)))
            .path("now")
            .asString());
  }

  @Test
  void advancingMovesNowForwardByTheGivenSecondsAndReturnsTheNewNow() {
    Instant before = now();

    HttpResponse<String> response = advance("{\"seconds\": 7200}");

    assertThat(response.statusCode()).isEqualTo(200);
    Instant advanced = Instant.parse(body(response).path("now").asString());
    assertThat(Duration.between(before, advanced))
        .isBetween(Duration.ofSeconds(7200), Duration.ofSeconds(7260));
    assertThat(now()).isAfterOrEqualTo(advanced);
  }

  @Test
  void secondsMustBePresentPositiveAndWhole() {
    assertThat(body(advance("{}")).path("code").asString()).isEqualTo("seconds_required");
    assertThat(advance("{\"seconds\": 0}").statusCode()).isEqualTo(400);
    assertThat(body(advance("{\"seconds\": -5}")).path("code").asString())
        .isEqualTo("seconds_must_be_in_range");
    assertThat(body(advance("{\"seconds\": 1.5}")).path("code").asString())
        .isEqualTo("malformed_request");
    assertThat(advance("{\"seconds\": 99999999999999999999}").statusCode()).isEqualTo(400);
  }

  @Test
  void aRefusedAdvanceChangesNothing() {
    Instant before = now();
    advance("{\"seconds\": -100}");
    assertThat(Duration.between(before, now())).isLessThan(Duration.ofSeconds(60));
  }
}
