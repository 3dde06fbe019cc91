package io.coralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.testsupport.HttpIntegrationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every endpoint that declares a permission refuses credentials without it, in its dialect. */
class AccessEnforcementTest extends HttpIntegrationTest {

  /** A credential of each client dialect that carries no permission at all. */
  private Map<String, String> powerlessCredentials() {
    String none = ", \"permissions\": []}";
    return Map.of(
        "io.coralbank.dialect.bcb",
        bcbToken(newCredentials("{\"dialect\": \"bcb\"" + none)),
        "io.coralbank.dialect.cayman",
        newCredentials("{\"dialect\": \"cayman\"" + none).path("apiKey").asString(),
        "io.coralbank.dialect.vaultspay",
        body(vaultsPayLogin(newCredentials("{\"dialect\": \"vaultspay\"" + none)))
            .path("accessToken")
            .asString());
  }

  @Test
  void everyEndpointThatDeclaresAPermissionRefusesCredentialsWithoutIt(
      @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    Map<String, String> credentials = powerlessCredentials();
    int checked = 0;
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
        mappings.getHandlerMethods().entrySet()) {
      HandlerMethod method = mapping.getValue();
      String credential = credentials.get(method.getBeanType().getPackageName());
      if (credential == null || !method.hasMethodAnnotation(RequiresPermission.class)) {
        continue;
      }
      String path =
          mapping
              .getKey()
              .getPatternValues()
              .iterator()
              .next()
              .replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
      RequestMethod verb =
          mapping.getKey().getMethodsCondition().getMethods().stream()
              .findFirst()
              .orElse(RequestMethod.GET);
      HttpResponse<String> response =
          send(
              request(path)
                  .header("Authorization", "Bearer " + credential)
                  .header("Content-Type", "application/json")
                  .method(verb.name(), HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(response.statusCode()).as(verb + " " + path).isEqualTo(403);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(5);
  }

  @Test
  void anEndpointPacedAcrossAllClientsRefusesTheSecondCallWithinItsWindow() {
    // Three calls within milliseconds: however they fall across the fixed 2-second windows, two
    // share one window, so exactly one call per window gets through and one is refused.
    java.util.List<HttpResponse<String>> calls = new java.util.ArrayList<>();
    for (int call = 0; call < 3; call++) {
      calls.add(postJson("/bcb/test-probe/paced", "{}"));
    }

    assertThat(calls.getFirst().statusCode()).isEqualTo(200);
    HttpResponse<String> refused =
        calls.stream().filter(call -> call.statusCode() == 429).findFirst().orElseThrow();
    assertThat(calls.stream().filter(call -> call.statusCode() == 200).count())
        .isLessThanOrEqualTo(2);
    assertThat(body(refused).path("error").asString()).isEqualTo("Rate limit exceeded");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
  }
}
