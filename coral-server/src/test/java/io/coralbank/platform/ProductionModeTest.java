package io.coralbank.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coralbank.CoralApplication;
import io.coralbank.testsupport.TestDatabases;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

class ProductionModeTest {

  private static final String STRONG_TOKEN = "a-production-admin-token-of-40-characters";

  @TempDir Path keys;

  private static List<String> productionArguments(String... more) {
    List<String> arguments = new ArrayList<>();
    arguments.add("--coral.mode=production");
    arguments.add("--server.port=0");
    arguments.add("--coral.database.url=" + TestDatabases.createDatabase());
    arguments.add("--coral.database.user=" + nullToEmpty(TestDatabases.user()));
    arguments.add("--coral.database.password=" + nullToEmpty(TestDatabases.password()));
    arguments.addAll(List.of(more));
    return arguments;
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static ConfigurableApplicationContext start(List<String> arguments) {
    return CoralApplication.application().run(arguments.toArray(String[]::new));
  }

  private void writeRsaKey(String fileName, int bits) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(bits);
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes())
            .encodeToString(generator.generateKeyPair().getPrivate().getEncoded());
    Files.writeString(
        keys.resolve(fileName),
        "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n");
  }

  private static String encryptionKey() {
    return Base64.getEncoder().encodeToString(new byte[32]);
  }

  @Test
  void productionWithoutSecretsRefusesToStartAndNamesEveryMissingOne() {
    assertThatThrownBy(() -> start(productionArguments()))
        .isInstanceOf(InvalidConfigurationException.class)
        .satisfies(
            failure ->
                assertThat(((InvalidConfigurationException) failure).problems())
                    .hasSize(3)
                    .anySatisfy(
                        problem -> assertThat(problem).startsWith("CORAL_ADMIN_TOKEN is not set"))
                    .anySatisfy(
                        problem ->
                            assertThat(problem).startsWith("CORAL_ENCRYPTION_KEY is not set"))
                    .anySatisfy(
                        problem ->
                            assertThat(problem).startsWith("CORAL_JWT_KEYS_DIR is not set")));
  }

  @Test
  void productionRefusesAnAdminTokenShorterThanThirtyTwoCharacters() throws Exception {
    writeRsaKey("rsa-1.pem", 2048);
    assertThatThrownBy(
            () ->
                start(
                    productionArguments(
                        "--coral.admin-token=short-token",
                        "--coral.encryption-key=" + encryptionKey(),
                        "--coral.jwt-keys-directory=" + keys)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("CORAL_ADMIN_TOKEN has 11 characters; production needs at least 32");
  }

  @Test
  void productionRefusesKeyMaterialThatIsNotWhatItClaims() throws Exception {
    writeRsaKey("rsa-1.pem", 1024);
    assertThatThrownBy(
            () ->
                start(
                    productionArguments(
                        "--coral.admin-token=" + STRONG_TOKEN,
                        "--coral.encryption-key="
                            + Base64.getEncoder().encodeToString(new byte[16]),
                        "--coral.jwt-keys-directory=" + keys)))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("CORAL_ENCRYPTION_KEY decodes to 16 bytes; it must be exactly 32")
        .hasMessageContaining("is an RSA key of 1024 bits");
  }

  @Test
  void productionWithEverySecretStartsAndHasNoSandboxClockAndNoDefaultToken() throws Exception {
    writeRsaKey("rsa-1.pem", 2048);
    try (ConfigurableApplicationContext server =
        start(
            productionArguments(
                "--coral.admin-token=" + STRONG_TOKEN,
                "--coral.encryption-key=" + encryptionKey(),
                "--coral.jwt-keys-directory=" + keys))) {
      int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> advance =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://localhost:" + port + "/admin/v1/clock/advance"))
                  .header("Authorization", "Bearer " + STRONG_TOKEN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"seconds\": 60}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(advance.statusCode()).isEqualTo(404);

      HttpResponse<String> sandboxToken =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/admin/v1/clock"))
                  .header("Authorization", "Bearer sandbox-admin-token")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(sandboxToken.statusCode()).isEqualTo(401);
    }
  }
}
