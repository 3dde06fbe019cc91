package io.coralbank.dialect.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class AdminAuthenticationTest extends HttpIntegrationTest {

  @Test
  void aRequestWithoutATokenIsUnauthorizedAsProblemJson() {
    HttpResponse<String> response = get("/admin/v1/clock");

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer");
    assertThat(body(response).path("code").asString()).isEqualTo("unauthorized");
    assertThat(body(response).path("status").asInt()).isEqualTo(401);
  }

  @Test
  void aWrongTokenIsUnauthorized() {
    HttpResponse<String> response =
        send(request("/admin/v1/clock").header("Authorization", "Bearer not-the-token").GET());

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(body(response).path("code").asString()).isEqualTo("unauthorized");
  }

  @Test
  void aTokenInAnotherSchemeIsUnauthorized() {
    HttpResponse<String> response =
        send(request("/admin/v1/clock").header("Authorization", "Basic " + ADMIN_TOKEN).GET());

    assertThat(response.statusCode()).isEqualTo(401);
  }

  @Test
  void theRightTokenIsAdmitted() {
    HttpResponse<String> response =
        send(request("/admin/v1/clock").header("Authorization", "Bearer " + ADMIN_TOKEN).GET());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).path("now").asString()).isNotBlank();
  }

  @Test
  void anUnknownAdminPathWithoutATokenRevealsNothingAndIsUnauthorized() {
    assertThat(get("/admin/v1/no-such-thing").statusCode()).isEqualTo(401);
  }

  @Test
  void theAdminTokenDoesNotOpenADialectsUnknownPaths() {
    HttpResponse<String> response =
        send(
            request("/bcb/v1/no-such-thing")
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());

    assertThat(response.statusCode()).isEqualTo(404);
  }
}
