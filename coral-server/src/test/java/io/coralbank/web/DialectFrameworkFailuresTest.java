package io.coralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.testsupport.ProbeEndpoints;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every failure the framework can produce renders in the dialect's own shape with the right status,
 * in every dialect. One row per dialect and failure: what is sent, what comes back.
 */
class DialectFrameworkFailuresTest extends HttpIntegrationTest {

  enum Provocation {
    UNKNOWN_PATH,
    WRONG_METHOD,
    MALFORMED_JSON,
    WRONG_CONTENT_TYPE,
    UNSUPPORTED_ACCEPT,
    BODY_OVER_LIMIT,
    NUL_IN_BODY,
    NUL_IN_QUERY,
    NUL_IN_PATH,
    HEADERS_OVER_LIMIT,
    UNEXPECTED_EXCEPTION
  }

  /** dialect, provocation, expected status, expected code in the dialect's own vocabulary. */
  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of("bcb", Provocation.UNKNOWN_PATH, 404, "NOT_FOUND"),
        Arguments.of("bcb", Provocation.WRONG_METHOD, 405, "METHOD_NOT_ALLOWED"),
        Arguments.of("bcb", Provocation.MALFORMED_JSON, 400, "BAD_REQUEST"),
        Arguments.of("bcb", Provocation.WRONG_CONTENT_TYPE, 415, "UNSUPPORTED_MEDIA_TYPE"),
        Arguments.of("bcb", Provocation.UNSUPPORTED_ACCEPT, 406, "NOT_ACCEPTABLE"),
        Arguments.of("bcb", Provocation.BODY_OVER_LIMIT, 413, "PAYLOAD_TOO_LARGE"),
        Arguments.of("bcb", Provocation.NUL_IN_BODY, 400, "BAD_REQUEST"),
        Arguments.of("bcb", Provocation.NUL_IN_QUERY, 400, "BAD_REQUEST"),
        Arguments.of("bcb", Provocation.NUL_IN_PATH, 400, "BAD_REQUEST"),
        Arguments.of("bcb", Provocation.HEADERS_OVER_LIMIT, 400, "BAD_REQUEST"),
        Arguments.of("bcb", Provocation.UNEXPECTED_EXCEPTION, 500, "INTERNAL_SERVER_ERROR"),
        Arguments.of("cayman", Provocation.UNKNOWN_PATH, 404, "not_found"),
        Arguments.of("cayman", Provocation.WRONG_METHOD, 405, "method_not_allowed"),
        Arguments.of("cayman", Provocation.MALFORMED_JSON, 400, "validation_error"),
        Arguments.of("cayman", Provocation.WRONG_CONTENT_TYPE, 415, "unsupported_media_type"),
        Arguments.of("cayman", Provocation.UNSUPPORTED_ACCEPT, 406, "not_acceptable"),
        Arguments.of("cayman", Provocation.BODY_OVER_LIMIT, 413, "payload_too_large"),
        Arguments.of("cayman", Provocation.NUL_IN_BODY, 400, "validation_error"),
        Arguments.of("cayman", Provocation.NUL_IN_QUERY, 400, "validation_error"),
        Arguments.of("cayman", Provocation.NUL_IN_PATH, 400, "validation_error"),
        Arguments.of("cayman", Provocation.HEADERS_OVER_LIMIT, 400, "validation_error"),
        Arguments.of("cayman", Provocation.UNEXPECTED_EXCEPTION, 500, "internal_error"),
        Arguments.of("vaultspay", Provocation.UNKNOWN_PATH, 404, "1404 NOT_FOUND"),
        Arguments.of("vaultspay", Provocation.WRONG_METHOD, 405, "1405 METHOD_NOT_ALLOWED"),
        Arguments.of("vaultspay", Provocation.MALFORMED_JSON, 400, "1010 BAD_REQUEST"),
        Arguments.of(
            "vaultspay", Provocation.WRONG_CONTENT_TYPE, 415, "1415 UNSUPPORTED_MEDIA_TYPE"),
        Arguments.of("vaultspay", Provocation.UNSUPPORTED_ACCEPT, 406, "1406 NOT_ACCEPTABLE"),
        Arguments.of("vaultspay", Provocation.BODY_OVER_LIMIT, 413, "1413 PAYLOAD_TOO_LARGE"),
        Arguments.of("vaultspay", Provocation.NUL_IN_BODY, 400, "1010 BAD_REQUEST"),
        Arguments.of("vaultspay", Provocation.NUL_IN_QUERY, 400, "1010 BAD_REQUEST"),
        Arguments.of("vaultspay", Provocation.NUL_IN_PATH, 400, "1010 BAD_REQUEST"),
        Arguments.of("vaultspay", Provocation.HEADERS_OVER_LIMIT, 400, "1010 BAD_REQUEST"),
        Arguments.of("vaultspay", Provocation.UNEXPECTED_EXCEPTION, 500, "1500 INTERNAL_ERROR"),
        Arguments.of("admin", Provocation.UNKNOWN_PATH, 404, "not_found"),
        Arguments.of("admin", Provocation.WRONG_METHOD, 405, "method_not_allowed"),
        Arguments.of("admin", Provocation.MALFORMED_JSON, 400, "malformed_request"),
        Arguments.of("admin", Provocation.WRONG_CONTENT_TYPE, 415, "unsupported_media_type"),
        Arguments.of("admin", Provocation.UNSUPPORTED_ACCEPT, 406, "not_acceptable"),
        Arguments.of("admin", Provocation.BODY_OVER_LIMIT, 413, "body_too_large"),
        Arguments.of("admin", Provocation.NUL_IN_BODY, 400, "malformed_request"),
        Arguments.of("admin", Provocation.NUL_IN_QUERY, 400, "malformed_request"),
        Arguments.of("admin", Provocation.NUL_IN_PATH, 400, "malformed_request"),
        Arguments.of("admin", Provocation.HEADERS_OVER_LIMIT, 400, "malformed_request"),
        Arguments.of("admin", Provocation.UNEXPECTED_EXCEPTION, 500, "internal_error"));
  }

  @ParameterizedTest(name = "{0}: {1} is answered {2} {3} in the dialect''s shape")
  @MethodSource("failures")
  void eachFrameworkFailureIsRenderedInTheDialectsShapeWithItsStatus(
      String dialect, Provocation provocation, int status, String code) {
    HttpResponse<String> response = send(provoke(dialect, provocation));

    assertThat(response.statusCode()).isEqualTo(status);
    String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(codeIn(dialect, response, requestId)).isEqualTo(code);
    assertThat(response.body()).doesNotContain("ledger_secret", "10.0.0.7", "Exception", "at io.");
  }

  private HttpRequest.Builder provoke(String dialect, Provocation provocation) {
    String base = "/" + dialect;
    HttpRequest.Builder request =
        switch (provocation) {
          case UNKNOWN_PATH -> request(base + "/v1/no-such-endpoint").GET();
          case WRONG_METHOD -> request(base + ProbeEndpoints.PATH).DELETE();
          case MALFORMED_JSON ->
              request(base + ProbeEndpoints.PATH)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"x\", "));
          case WRONG_CONTENT_TYPE ->
              request(base + ProbeEndpoints.PATH)
                  .header("Content-Type", "text/plain")
                  .POST(HttpRequest.BodyPublishers.ofString("name=x"));
          case UNSUPPORTED_ACCEPT ->
              request(base + ProbeEndpoints.PATH).header("Accept", "application/xml").GET();
          case BODY_OVER_LIMIT ->
              request(base + ProbeEndpoints.PATH)
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"name\": \"" + "x".repeat(1_100_000) + "\"}"));
          case NUL_IN_BODY ->
              request(base + ProbeEndpoints.PATH)
                  .header("Content-Type", "application/json")
                  // The JSON escape of U+0000, which PostgreSQL cannot store in text.
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"a\\u0000b\"}"));
          case NUL_IN_QUERY -> request(base + ProbeEndpoints.PATH + "?name=a%00b").GET();
          // Both are refused by Tomcat itself, before any filter or servlet sees the request.
          case NUL_IN_PATH -> request(base + ProbeEndpoints.PATH + "/a%00b").GET();
          case HEADERS_OVER_LIMIT ->
              request(base + ProbeEndpoints.PATH).header("X-Padding", "x".repeat(20_000)).GET();
          case UNEXPECTED_EXCEPTION -> request(base + ProbeEndpoints.FAILURE_PATH).GET();
        };
    if (dialect.equals("admin")) {
      request.header("Authorization", "Bearer " + ADMIN_TOKEN);
    }
    return request;
  }

  /** Reads the code where the dialect puts it, and checks the rest of the dialect's shape. */
  private static String codeIn(String dialect, HttpResponse<String> response, String requestId) {
    JsonNode body = body(response);
    String contentType = response.headers().firstValue("Content-Type").orElseThrow();
    return switch (dialect) {
      case "bcb" -> {
        assertThat(contentType).startsWith("application/json");
        assertThat(body.path("message").asString()).isNotBlank();
        yield body.path("error").asString();
      }
      case "cayman" -> {
        assertThat(contentType).startsWith("application/json");
        assertThat(requestId).startsWith("req_");
        assertThat(body.path("error").path("request_id").asString()).isEqualTo(requestId);
        assertThat(body.path("error").path("message").asString()).isNotBlank();
        yield body.path("error").path("code").asString();
      }
      case "vaultspay" -> {
        assertThat(contentType).startsWith("application/json");
        assertThat(body.path("message").asString()).isNotBlank();
        assertThat(body.path("errors").isArray()).isTrue();
        yield body.path("code").asInt() + " " + body.path("type").asString();
      }
      case "admin" -> {
        assertThat(contentType).startsWith("application/problem+json");
        assertThat(body.path("status").asInt()).isEqualTo(response.statusCode());
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("requestId").asString()).isEqualTo(requestId);
        yield body.path("code").asString();
      }
      default -> throw new IllegalArgumentException(dialect);
    };
  }

  @Test
  void aChunkedBodyThatGrowsPastTheLimitIsRefusedWhileBeingRead() {
    byte[] oversized = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes();
    HttpResponse<String> response =
        send(
            request("/cayman" + ProbeEndpoints.PATH)
                .header("Content-Type", "application/json")
                // A stream of unknown length is sent chunked, without Content-Length.
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(oversized))));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(body(response).path("error").path("code").asString()).isEqualTo("payload_too_large");
  }

  @Test
  void aNulCharacterIsNamedInTheRefusalAndAnEscapedBackslashBeforeU0000IsOrdinaryText() {
    HttpResponse<String> refused =
        postJson("/cayman" + ProbeEndpoints.PATH, "{\"name\": \"a\\u0000b\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(body(refused).path("error").path("message").asString())
        .isEqualTo("The request body must not contain the NUL character (\\u0000).");

    // A backslash escaped as two, then the letters u0000: six characters of ordinary text.
    HttpResponse<String> accepted =
        postJson("/cayman" + ProbeEndpoints.PATH, "{\"name\": \"a\\\\u0000b\"}");
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(body(accepted).path("name").asString()).isEqualTo("a\\u0000b");
  }

  @Test
  void aBodyJustUnderTheLimitIsAccepted() {
    String name = "x".repeat(1_000_000);
    HttpResponse<String> response =
        postJson("/cayman" + ProbeEndpoints.PATH, "{\"name\": \"" + name + "\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).path("name").asString()).hasSize(1_000_000);
  }
}
