package io.coralbank.dialect.bcb;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.coralbank.platform.time.SandboxClockService;
import io.coralbank.testsupport.HttpIntegrationTest;
import io.coralbank.web.PublicEndpoint;
import io.coralbank.web.RequiresPermission;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** BCB credentials, tokens, permissions and IP allow-lists, over HTTP. */
class BcbIdentityTest extends HttpIntegrationTest {

  record Client(String clientId, String secret, JsonNode created) {}

  private String customer() {
    return newCustomer();
  }

  private Client client(String customerId, String extra) {
    JsonNode body = newCredentials(customerId, "{\"dialect\": \"bcb\"" + extra + "}");
    return new Client(body.path("clientId").asString(), body.path("clientSecret").asString(), body);
  }

  private HttpResponse<String> login(String clientId, String secret) {
    return postJson(
        "/bcb/auth/token",
        "{\"clientId\": \"" + clientId + "\", \"clientSecret\": \"" + secret + "\"}");
  }

  private String token(Client client) {
    HttpResponse<String> response = login(client.clientId(), client.secret());
    assertThat(response.statusCode()).isEqualTo(200);
    return body(response).path("token").asString();
  }

  private HttpResponse<String> bcb(String method, String path, String token) {
    HttpRequest.Builder request = request(path).header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(
        method.equals("POST")
            ? request.POST(HttpRequest.BodyPublishers.ofString("{}"))
            : request.method(method, HttpRequest.BodyPublishers.noBody()));
  }

  private HttpResponse<String> permissionsOf(Client client, String token) {
    return bcb("GET", "/bcb/v1/credentials/" + client.clientId() + "/permissions", token);
  }

  @Test
  void aClientLogsInWithItsSecretAndGetsAFortyMinutePs256TokenCarryingItsClaims() throws Exception {
    String customerId = customer();
    Client client = client(customerId, "");

    HttpResponse<String> response = login(client.clientId(), client.secret());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(body(response).path("expiresIn").asLong()).isEqualTo(2400);
    SignedJWT jwt = SignedJWT.parse(body(response).path("token").asString());
    assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.PS256);
    assertThat(jwt.getHeader().getKeyID()).matches("rsa-\\d+");
    JWTClaimsSet claims = jwt.getJWTClaimsSet();
    assertThat(claims.getStringClaim("client_id")).isEqualTo(client.clientId());
    assertThat(claims.getStringClaim("customer_id")).isEqualTo(customerId);
    assertThat(claims.getStringListClaim("permissions"))
        .contains("get-accounts", "get-virtual-account-transactions", "withdraw-virtual-account");
    assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
        .isEqualTo(40 * 60 * 1000L);
  }

  @Test
  void theSecretsAreShownOnceInTheDocumentedShapes() {
    Client client = client(customer(), "");

    assertThat(client.secret()).hasSizeBetween(22, 30).matches(".*[A-Z].*").matches(".*[a-z].*");
    assertThat(client.secret()).matches(".*[0-9].*").matches(".*[^A-Za-z0-9].*");
    assertThat(Base64.getDecoder().decode(client.created().path("messageSigningSecret").asString()))
        .hasSize(32);
  }

  @Test
  void everyLoginFailureLooksTheSame() {
    Client client = client(customer(), "");
    String vaultsPayClientId =
        newCredentials("{\"dialect\": \"vaultspay\"}").path("clientId").asString();

    for (HttpResponse<String> response :
        List.of(
            login(client.clientId(), client.secret() + "x"),
            login("3f8e4c1e-0000-4000-8000-000000000000", client.secret()),
            login("not-a-uuid", client.secret()),
            login(vaultsPayClientId, client.secret()))) {
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(body(response).path("error").asString()).isEqualTo("UNAUTHORIZED");
      assertThat(body(response).path("message").asString()).isEqualTo("Authentication failed");
    }
    assertThat(postJson("/bcb/auth/token", "{\"clientId\": \"x\"}").statusCode()).isEqualTo(400);
  }

  @Test
  void theTokenVerifiesAgainstTheJwksDocument() throws Exception {
    String token = token(client(customer(), ""));

    HttpResponse<String> response = bcb("GET", "/bcb/v1/.well-known/jwks.json", token);

    assertThat(response.statusCode()).isEqualTo(200);
    SignedJWT jwt = SignedJWT.parse(token);
    JsonNode key = null;
    for (JsonNode candidate : body(response).path("keys")) {
      assertThat(candidate.path("kty").asString()).isEqualTo("RSA");
      assertThat(candidate.path("use").asString()).isEqualTo("sig");
      assertThat(candidate.path("alg").asString()).isEqualTo("PS256");
      assertThat(candidate.path("e").asString()).isEqualTo("AQAB");
      if (candidate.path("kid").asString().equals(jwt.getHeader().getKeyID())) {
        key = candidate;
      }
    }
    assertThat(key).isNotNull();
    assertThat(jwt.verify(new RSASSAVerifier(RSAKey.parse(key.toString())))).isTrue();
  }

  /** Each forged, broken or outdated token, and the same answer: 401. */
  @Test
  void everyBadTokenIsUnauthorized(@Autowired SandboxClockService sandboxClock) throws Exception {
    Client client = client(customer(), "");
    String good = token(client);
    SignedJWT parsed = SignedJWT.parse(good);
    JWTClaimsSet claims = parsed.getJWTClaimsSet();
    String[] parts = good.split("\\.");
    Map<String, Object> payload = new java.util.HashMap<>(claims.toJSONObject());
    payload.put("permissions", List.of("get-accounts", "super-user"));
    String tamperedPayload =
        Base64URL.encode(
                tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .writeValueAsString(payload))
            .toString();
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("rsa-99").generate();
    SignedJWT unknownKey =
        new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("rsa-99").build(), claims);
    unknownKey.sign(new RSASSASigner(stranger));
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(parsed.getHeader().getKeyID()).build(),
            claims);
    hmac.sign(new MACSigner(jwksModulus(good).getBytes(StandardCharsets.UTF_8)));
    String none = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";

    Map<String, String> forgeries = new java.util.LinkedHashMap<>();
    forgeries.put("malformed", "not.a.jwt");
    forgeries.put("tampered permission claim", parts[0] + "." + tamperedPayload + "." + parts[2]);
    forgeries.put("signed by a key Coral does not have", unknownKey.serialize());
    forgeries.put("HS256 signed with the public key", hmac.serialize());
    forgeries.put("alg none", none);
    assertThat(bcb("GET", "/bcb/v1/.well-known/jwks.json", null).statusCode()).isEqualTo(401);
    forgeries.forEach(
        (what, token) -> {
          HttpResponse<String> response = bcb("GET", "/bcb/v1/.well-known/jwks.json", token);
          assertThat(response.statusCode()).as(what).isEqualTo(401);
          assertThat(body(response).path("error").asString()).as(what).isEqualTo("UNAUTHORIZED");
        });

    assertThat(bcb("GET", "/bcb/v1/.well-known/jwks.json", good).statusCode()).isEqualTo(200);
    sandboxClock.advance(40 * 60);
    assertThat(bcb("GET", "/bcb/v1/.well-known/jwks.json", good).statusCode())
        .as("expired")
        .isEqualTo(401);
  }

  private String jwksModulus(String token) {
    return body(bcb("GET", "/bcb/v1/.well-known/jwks.json", token))
        .path("keys")
        .get(0)
        .path("n")
        .asString();
  }

  @Test
  void afterARotationTheOldTokenStaysValidButOnlyTheNewSecretLogsIn() {
    Client client = client(customer(), "");
    String token = token(client);

    HttpResponse<String> rotated = bcb("PATCH", "/bcb/v1/credentials/" + client.clientId(), token);

    assertThat(rotated.statusCode()).isEqualTo(200);
    String newSecret = body(rotated).path("clientSecret").asString();
    assertThat(newSecret).isNotEqualTo(client.secret()).hasSizeBetween(22, 30);
    assertThat(permissionsOf(client, token).statusCode()).isEqualTo(200);
    assertThat(login(client.clientId(), client.secret()).statusCode()).isEqualTo(401);
    assertThat(login(client.clientId(), newSecret).statusCode()).isEqualTo(200);
  }

  @Test
  void disablingAClientRevokesItsTokensAtOnceAndCanBeRepeated() {
    String customerId = customer();
    Client admin = client(customerId, "");
    Client doomed = client(customerId, "");
    String doomedToken = token(doomed);
    String adminToken = token(admin);
    // Used once before, so its signature has been checked and is remembered: the client's
    // status must still be read on every request.
    assertThat(permissionsOf(doomed, doomedToken).statusCode()).isEqualTo(200);

    HttpResponse<String> disabled =
        bcb("DELETE", "/bcb/v1/credentials/" + doomed.clientId(), adminToken);
    HttpResponse<String> again =
        bcb("DELETE", "/bcb/v1/credentials/" + doomed.clientId(), adminToken);

    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(body(disabled).path("status").asString()).isEqualTo("Disabled");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(permissionsOf(doomed, doomedToken).statusCode()).isEqualTo(401);
    assertThat(login(doomed.clientId(), doomed.secret()).statusCode()).isEqualTo(401);
    assertThat(permissionsOf(admin, adminToken).statusCode()).isEqualTo(200);
  }

  @Test
  void aRotationThatMeetsTheDisablingOfItsClientIsNotFoundAndRotatesNothing(
      @Autowired DataSource dataSource) throws Exception {
    String customerId = customer();
    Client admin = client(customerId, "");
    Client doomed = client(customerId, "");
    String adminToken = token(admin);
    try (Connection disabling = dataSource.getConnection();
        ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      disabling.setAutoCommit(false);
      try (PreparedStatement disable =
          disabling.prepareStatement(
              "update api_clients set status = 'DISABLED', disabled_at = now()"
                  + " where client_id = ?")) {
        disable.setObject(1, UUID.fromString(doomed.clientId()));
        disable.executeUpdate();
      }
      // The rotation reads the client as still active, then waits for the row this disabling
      // holds; it must not rotate the secret of the client that is disabled meanwhile.
      Future<HttpResponse<String>> rotation =
          callers.submit(
              () -> bcb("PATCH", "/bcb/v1/credentials/" + doomed.clientId(), adminToken));
      Thread.sleep(500);
      disabling.commit();

      assertThat(rotation.get().statusCode()).isEqualTo(404);
    }
    assertThat(login(doomed.clientId(), doomed.secret()).statusCode()).isEqualTo(401);
  }

  @Test
  void aTokenWithoutTheEndpointsPermissionIsForbidden() {
    Client limited = client(customer(), ", \"permissions\": [\"get-public-keys\"]");
    String token = token(limited);

    HttpResponse<String> response = permissionsOf(limited, token);

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(body(response).path("error").asString()).isEqualTo("FORBIDDEN");
    assertThat(body(response).path("message").asString()).contains("manage-credentials");
    assertThat(bcb("GET", "/bcb/v1/.well-known/jwks.json", token).statusCode()).isEqualTo(200);
  }

  @Test
  void aRequestFromOutsideTheAllowListIsRefusedAsBcbDocumentsIt() {
    Client fenced = client(customer(), ", \"ipAllowList\": [\"10.0.0.0/8\", \"2001:db8::/32\"]");

    HttpResponse<String> response = login(fenced.clientId(), fenced.secret());

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(body(response).path("error").asString()).isEqualTo("IP address not allowed");
    Client local = client(customer(), ", \"ipAllowList\": [\"127.0.0.1/32\", \"::1\"]");
    assertThat(login(local.clientId(), local.secret()).statusCode()).isEqualTo(200);
  }

  @Test
  void newCredentialsCopyTheSourcesPermissionsAndInheritOrReplaceItsAllowList() {
    String customerId = customer();
    Client source =
        client(
            customerId,
            ", \"permissions\": [\"manage-credentials\", \"get-accounts\"],"
                + " \"ipAllowList\": [\"127.0.0.1\"]");
    String token = token(source);

    HttpResponse<String> inherited =
        send(
            request("/bcb/v1/credentials")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
    HttpResponse<String> replaced =
        send(
            request("/bcb/v1/credentials")
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"sourceClientId\": \""
                            + source.clientId()
                            + "\","
                            + " \"ipAllowList\": [\"10.0.0.0/8\"]}")));

    assertThat(inherited.statusCode()).isEqualTo(201);
    JsonNode copy = body(inherited);
    assertThat(copy.path("permissions").toString())
        .isEqualTo("[\"get-accounts\",\"manage-credentials\"]");
    assertThat(copy.path("ipAllowList").toString()).isEqualTo("[\"127.0.0.1\"]");
    assertThat(Base64.getDecoder().decode(copy.path("messageSigningSecret").asString()))
        .hasSize(32);
    assertThat(
            login(copy.path("clientId").asString(), copy.path("clientSecret").asString())
                .statusCode())
        .isEqualTo(200);
    assertThat(body(replaced).path("ipAllowList").toString()).isEqualTo("[\"10.0.0.0/8\"]");

    JsonNode permissions = body(permissionsOf(source, token));
    assertThat(permissions.path("permissions").get(0).path("key").asString())
        .isEqualTo("get-accounts");
    assertThat(permissions.path("permissions").get(0).path("description").asString()).isNotBlank();
    assertThat(permissions.path("permissions").get(1).path("key").asString())
        .isEqualTo("manage-credentials");
  }

  @Test
  void anotherCustomersClientIsNotFoundWhateverTheCallerTries() {
    Client mine = client(customer(), "");
    Client theirs = client(customer(), "");
    String token = token(mine);
    List<Function<String, HttpResponse<String>>> attempts = new ArrayList<>();
    attempts.add(id -> bcb("PATCH", "/bcb/v1/credentials/" + id, token));
    attempts.add(id -> bcb("DELETE", "/bcb/v1/credentials/" + id, token));
    attempts.add(id -> bcb("GET", "/bcb/v1/credentials/" + id + "/permissions", token));
    attempts.add(
        id ->
            send(
                request("/bcb/v1/credentials")
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"sourceClientId\": \"" + id + "\"}"))));

    for (Function<String, HttpResponse<String>> attempt : attempts) {
      HttpResponse<String> foreign = attempt.apply(theirs.clientId());
      HttpResponse<String> missing = attempt.apply("7d0c6a3e-0000-4000-8000-000000000000");
      assertThat(foreign.statusCode()).isEqualTo(404);
      assertThat(body(foreign).path("message").asString())
          .isEqualTo(body(missing).path("message").asString());
    }
    assertThat(login(theirs.clientId(), theirs.secret()).statusCode()).isEqualTo(200);
  }

  @Test
  void keysRotateAndTokensSignedBeforeStayValid() throws Exception {
    Client client = client(customer(), "");
    String before = token(client);

    HttpResponse<String> rotated = admin("POST", "/admin/v1/signing-keys/rotate", "{}");
    String after = token(client);

    assertThat(rotated.statusCode()).isEqualTo(200);
    String kid = body(rotated).path("kid").asString();
    assertThat(SignedJWT.parse(after).getHeader().getKeyID()).isEqualTo(kid);
    assertThat(SignedJWT.parse(before).getHeader().getKeyID()).isNotEqualTo(kid);
    assertThat(bcb("GET", "/bcb/v1/.well-known/jwks.json", before).statusCode()).isEqualTo(200);
    assertThat(body(bcb("GET", "/bcb/v1/.well-known/jwks.json", after)).path("keys").size())
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void everyEndpointOfADialectWithApiClientsDeclaresItsPermissionOrIsPublic(
      @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
    for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
        mappings.getHandlerMethods().entrySet()) {
      HandlerMethod method = mapping.getValue();
      String handlerPackage = method.getBeanType().getPackageName();
      if (List.of(
              "io.coralbank.dialect.bcb",
              "io.coralbank.dialect.cayman",
              "io.coralbank.dialect.vaultspay")
          .contains(handlerPackage)) {
        assertThat(
                method.hasMethodAnnotation(RequiresPermission.class)
                    || method.hasMethodAnnotation(PublicEndpoint.class))
            .as(mapping.getKey().toString())
            .isTrue();
      }
    }
  }
}
