package io.coralbank.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Refuses to start a production server whose secrets are missing or weak, naming every problem at
 * once so the operator fixes them in one pass. Sandbox mode has safe defaults and is not checked.
 */
public class ConfigurationCheck
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

  static final int MINIMUM_ADMIN_TOKEN_LENGTH = 32;
  private static final Pattern KEY_FILE_NAME = Pattern.compile("rsa-(\\d+)\\.pem");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    CoralProperties properties =
        Binder.get(event.getEnvironment())
            .bind("coral", CoralProperties.class)
            .orElseThrow(() -> new InvalidConfigurationException(List.of("coral.* is not set")));
    List<String> problems = problems(properties);
    if (!problems.isEmpty()) {
      throw new InvalidConfigurationException(problems);
    }
  }

  /** Every reason this configuration may not run, empty when it may. */
  static List<String> problems(CoralProperties properties) {
    List<String> problems = new ArrayList<>();
    if (properties.mode() != CoralMode.PRODUCTION) {
      return problems;
    }
    String adminToken = properties.adminToken();
    if (adminToken == null || adminToken.isBlank()) {
      problems.add(
          "CORAL_ADMIN_TOKEN is not set; production needs an operator token of at least "
              + MINIMUM_ADMIN_TOKEN_LENGTH
              + " characters.");
    } else if (adminToken.length() < MINIMUM_ADMIN_TOKEN_LENGTH) {
      problems.add(
          "CORAL_ADMIN_TOKEN has "
              + adminToken.length()
              + " characters; production needs at least "
              + MINIMUM_ADMIN_TOKEN_LENGTH
              + ".");
    }
    encryptionKeyProblem(properties.encryptionKey()).ifPresent(problems::add);
    signingKeysProblem(properties.jwtKeysDirectory()).ifPresent(problems::add);
    return problems;
  }

  private static Optional<String> encryptionKeyProblem(String encryptionKey) {
    if (encryptionKey == null || encryptionKey.isBlank()) {
      return Optional.of(
          "CORAL_ENCRYPTION_KEY is not set; production needs the base64 of a 32-byte key"
              + " (for example: openssl rand -base64 32).");
    }
    try {
      int length = Base64.getDecoder().decode(encryptionKey.trim()).length;
      if (length != 32) {
        return Optional.of(
            "CORAL_ENCRYPTION_KEY decodes to " + length + " bytes; it must be exactly 32.");
      }
    } catch (IllegalArgumentException notBase64) {
      return Optional.of("CORAL_ENCRYPTION_KEY is not valid base64.");
    }
    return Optional.empty();
  }

  private static Optional<String> signingKeysProblem(String directory) {
    if (directory == null || directory.isBlank()) {
      return Optional.of(
          "CORAL_JWT_KEYS_DIR is not set; production needs a directory holding at least one"
              + " RSA private key named rsa-<n>.pem (PKCS#8 PEM, 2048 bits or more).");
    }
    Path path = Path.of(directory);
    if (!Files.isDirectory(path)) {
      return Optional.of("CORAL_JWT_KEYS_DIR " + path + " is not a directory.");
    }
    try (Stream<Path> files = Files.list(path)) {
      List<Path> keyFiles =
          files
              .filter(file -> KEY_FILE_NAME.matcher(file.getFileName().toString()).matches())
              .toList();
      if (keyFiles.isEmpty()) {
        return Optional.of("CORAL_JWT_KEYS_DIR " + path + " holds no key file named rsa-<n>.pem.");
      }
      for (Path keyFile : keyFiles) {
        String problem = rsaKeyProblem(keyFile);
        if (problem != null) {
          return Optional.of(problem);
        }
      }
    } catch (IOException unreadable) {
      return Optional.of("CORAL_JWT_KEYS_DIR " + path + " cannot be read.");
    }
    return Optional.empty();
  }

  private static String rsaKeyProblem(Path keyFile) {
    try {
      String pem = Files.readString(keyFile);
      String base64 =
          pem.replace("-----BEGIN PRIVATE KEY-----", "")
              .replace("-----END PRIVATE KEY-----", "")
              .replaceAll("\\s", "");
      RSAPrivateKey key =
          (RSAPrivateKey)
              KeyFactory.getInstance("RSA")
                  .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      if (key.getModulus().bitLength() < 2048) {
        return keyFile + " is an RSA key of " + key.getModulus().bitLength() + " bits; use 2048+.";
      }
      return null;
    } catch (Exception notAnRsaKey) {
      return keyFile
          + " is not an unencrypted PKCS#8 PEM RSA private key"
          + " (openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048).";
    }
  }
}
