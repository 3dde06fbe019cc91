package io.coralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.CoralApplication;
import io.coralbank.testsupport.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two server processes on one database count against one limit, and each dialect refuses in its own
 * shape with {@code Retry-After} and the {@code RateLimit-*} headers. The limits are lowered so the
 * test stays short; the documented numbers are the defaults.
 */
class RateLimitTest {

  private static final HttpClient http = HttpClient.newHttpClient();
  private static final JsonMapper json = JsonMapper.builder().build();
  private static final List<ConfigurableApplicationContext> servers = new ArrayList<>();

  @BeforeAll
  static void startTwoServersOnOneDatabase() {
    String url = TestDatabases.createDatabase();
    for (int index = 0; index < 2; index++) {
      servers.add(
          CoralApplication.application()
              .run(
                  "--server.port=0",
                  "--coral.database.url=" + url,
                  "--coral.database.user=" + nullToEmpty(TestDatabases.user()),
                  "--coral.database.password=" + nullToEmpty(TestDatabases.password()),
                  "--coral.database.pool-size=4",
                  "--coral.rate-limits.dialects.bcb.requests=5",
                  "--coral.rate-limits.dialects.vaultspay.requests=3",
                  "--coral.rate-limits.dialects.cayman.requests=3",
                  "--coral.rate-limits.dialects.cayman.writes=2"));
    }
  }

  @AfterAll
  static void stopServers() {
    servers.forEach(ConfigurableApplicationContext::close);
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static HttpResponse<String> get(int server, String path) throws Exception {
    int port =
        Integer.parseInt(servers.get(server).getEnvironment().getProperty("local.server.port"));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void twoServerProcessesShareOneLimitAndBcbRefusesAsItsGuideShows() throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int call = 0; call < 5; call++) {
      HttpResponse<String> response = get(call % 2, "/bcb/v1/system/time");
      statuses.add(response.statusCode());
      assertThat(response.headers().firstValue("RateLimit-Limit")).contains("5");
      assertThat(response.headers().firstValue("RateLimit-Remaining"))
          .contains(Integer.toString(4 - call));
    }
    HttpResponse<String> refused = get(1, "/bcb/v1/system/time");

    assertThat(statuses).containsOnly(200);
    assertThat(refused.statusCode()).isEqualTo(429);
    JsonNode body = json.readTree(refused.body());
    assertThat(body.path("error").asString()).isEqualTo("Rate limit exceeded");
    assertThat(body.path("message").asString())
        .isEqualTo(
            "You have exceeded the 5 requests per 60 minutes limit. Please wait for the rate"
                + " limit to reset.");
    assertThat(body.path("retry_after").asString()).isNotBlank();
    assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 3600L);
    assertThat(refused.headers().firstValue("RateLimit-Remaining")).contains("0");
  }

  @Test
  void vaultsPayRefusesWithThrottle() throws Exception {
    HttpResponse<String> last = null;
    for (int call = 0; call < 4; call++) {
      last = get(call % 2, "/vaultspay/v1/ping");
    }

    assertThat(last.statusCode()).isEqualTo(429);
    JsonNode body = json.readTree(last.body());
    assertThat(body.path("code").asInt()).isEqualTo(1005);
    assertThat(body.path("type").asString()).isEqualTo("THROTTLE");
    assertThat(last.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void caymanCountsReadsAndWritesApartAndRefusesAsRateLimited() throws Exception {
    for (int call = 0; call < 2; call++) {
      assertThat(post(call % 2, "/cayman/test-probe").statusCode()).isEqualTo(200);
    }
    HttpResponse<String> thirdWrite = post(0, "/cayman/test-probe");
    List<Integer> reads = new ArrayList<>();
    for (int call = 0; call < 3; call++) {
      reads.add(get(call % 2, "/cayman/test-probe").statusCode());
    }
    HttpResponse<String> fourthRead = get(1, "/cayman/test-probe");

    assertThat(thirdWrite.statusCode()).isEqualTo(429);
    assertThat(reads).containsOnly(200);
    assertThat(fourthRead.statusCode()).isEqualTo(429);
    JsonNode error = json.readTree(fourthRead.body()).path("error");
    assertThat(error.path("code").asString()).isEqualTo("rate_limited");
    assertThat(error.path("request_id").asString()).startsWith("req_");
    assertThat(fourthRead.headers().firstValue("Retry-After")).isPresent();
  }

  private static HttpResponse<String> post(int server, String path) throws Exception {
    int port =
        Integer.parseInt(servers.get(server).getEnvironment().getProperty("local.server.port"));
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"write\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
