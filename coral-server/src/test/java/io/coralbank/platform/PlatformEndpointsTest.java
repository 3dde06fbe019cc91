package io.coralbank.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PlatformEndpointsTest extends HttpIntegrationTest {

  @Test
  void vaultsPayPingSaysTheServiceIsUpInsideTheDataEnvelope() {
    HttpResponse<String> response = get("/vaultspay/v1/ping");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).path("data").asString()).isEqualTo("Service is up and running!");
  }

  @Test
  void healthIsUpBecauseTheDatabaseAnswers() {
    HttpResponse<String> response = get("/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).path("status").asString()).isEqualTo("UP");
  }

  @Test
  void prometheusMetricsAreExposed() {
    HttpResponse<String> response = get("/actuator/prometheus");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("jvm_threads_live_threads", "hikaricp_connections");
  }

  @ParameterizedTest(name = "{0} serves an OpenAPI 3.1 document listing {1}")
  @CsvSource({
    "bcb, /bcb/v1/system/time",
    "vaultspay, /vaultspay/v1/ping",
    "admin, /admin/v1/clock",
    "cayman, /cayman/test-probe"
  })
  void eachDialectServesItsOwnOpenApiDocumentUnderItsBasePath(String dialect, String path) {
    HttpResponse<String> response = get("/" + dialect + "/openapi.json");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = body(response);
    assertThat(document.path("openapi").asString()).startsWith("3.1");
    assertThat(document.path("paths").has(path)).isTrue();
    document
        .path("paths")
        .propertyNames()
        .forEach(listed -> assertThat(listed).startsWith("/" + dialect + "/"));
  }

  @Test
  void swaggerUiListsEveryDialect() {
    HttpResponse<String> config = get("/v3/api-docs/swagger-config");

    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.body()).contains("bcb", "cayman", "vaultspay", "admin");
    assertThat(get("/swagger-ui/index.html").statusCode()).isEqualTo(200);
  }

  @Test
  void everyResponseCarriesARequestIdAndEachRequestGetsItsOwn() {
    String first = get("/vaultspay/v1/ping").headers().firstValue("X-Request-Id").orElseThrow();
    String second = get("/vaultspay/v1/ping").headers().firstValue("X-Request-Id").orElseThrow();

    assertThat(first).isNotBlank().isNotEqualTo(second);
  }

  @Test
  void aPathOutsideEveryDialectIsNotFoundAsProblemJson() {
    HttpResponse<String> response = get("/no-such-dialect/v1/anything");

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
  }
}
