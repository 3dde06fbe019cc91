package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.SettableClock;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

class SystemTimeTest extends HttpIntegrationTest {

  @TestConfiguration
  static class FixedClock {
    @Bean
    @Primary
    SettableClock settableClock() {
      return new SettableClock(Instant.parse("2025-01-07T18:30:15Z"));
    }
  }

  @Autowired SettableClock clock;

  @Test
  void winterInstantIsBermudaStandardTimeAtMinusFourHours() {
    clock.set(Instant.parse("2025-01-07T18:30:15Z"));

    JsonNode time = body(get("/bcb/v1/system/time"));

    assertThat(time.path("timestamp").asString()).isEqualTo("2025-01-07T14:30:15-04:00");
    assertThat(time.path("timeZone").asString()).isEqualTo("Atlantic Standard Time");
  }

  @Test
  void summerInstantIsBermudaDaylightTimeAtMinusThreeHours() {
    clock.set(Instant.parse("2025-07-15T12:00:00.750Z"));

    JsonNode time = body(get("/bcb/v1/system/time"));

    assertThat(time.path("timestamp").asString()).isEqualTo("2025-07-15T09:00:00-03:00");
    assertThat(time.path("timeZone").asString()).isEqualTo("Atlantic Daylight Time");
  }

  @Test
  void theSwitchToDaylightTimeHappensAtTwoInTheMorningOnTheSecondSundayOfMarch() {
    clock.set(Instant.parse("2025-03-09T05:59:59Z"));
    assertThat(body(get("/bcb/v1/system/time")).path("timestamp").asString())
        .isEqualTo("2025-03-09T01:59:59-04:00");

    clock.set(Instant.parse("2025-03-09T06:00:00Z"));
    assertThat(body(get("/bcb/v1/system/time")).path("timestamp").asString())
        .isEqualTo("2025-03-09T03:00:00-03:00");
  }

  @Test
  void systemTimeIsJsonOnlySoCsvIsNotAcceptable() {
    HttpResponse<String> response =
        send(request("/bcb/v1/system/time").header("Accept", "text/csv").GET());

    assertThat(response.statusCode()).isEqualTo(406);
    assertThat(body(response).path("error").asString()).isEqualTo("NOT_ACCEPTABLE");
  }

  @Test
  void theClockBeanIsTheOnlySourceOfNowForTheEndpoint(@Autowired Clock injected) {
    assertThat(injected).isSameAs(clock);
  }
}
