package io.coralbank.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.coralbank.platform.CoralMode;
import io.coralbank.platform.CoralProperties;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The RSA keys that sign access tokens, named {@code rsa-<n>}. New tokens are signed with the
 * newest key; every key stays available for verification, so tokens signed before a rotation stay
 * valid until they expire.
 *
 * <p>Production reads {@code CORAL_JWT_KEYS_DIR} ({@code rsa-<n>.pem}, PKCS#8); to rotate, add
 * {@code rsa-<n+1>.pem} and restart. Sandbox mode generates the keys and keeps them, encrypted, in
 * {@code signing_keys}, so every node and every restart uses the same ones.
 */
@Component
public class SigningKeys {

  private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
  private static final Pattern KEY_FILE = Pattern.compile("rsa-(\\d+)\\.pem");

  private final JdbcClient jdbc;
  private final SecretBox secretBox;
  private final Clock clock;
  private final String directory;
  private final AtomicReference<List<RSAKey>> keys = new AtomicReference<>(List.of());

  SigningKeys(JdbcClient jdbc, SecretBox secretBox, Clock clock, CoralProperties properties) {
    this.jdbc = jdbc;
    this.secretBox = secretBox;
    this.clock = clock;
    boolean fromDirectory =
        properties.jwtKeysDirectory() != null && !properties.jwtKeysDirectory().isBlank();
    if (!fromDirectory && properties.mode() == CoralMode.PRODUCTION) {
      throw new IllegalStateException("CORAL_JWT_KEYS_DIR is required in production");
    }
    this.directory = fromDirectory ? properties.jwtKeysDirectory() : null;
    reload();
    if (keys.get().isEmpty()) {
      rotate();
    }
  }

  /** The key new tokens are signed with. */
  public RSAKey current() {
    return keys.get().getLast();
  }

  /** Every key, oldest first. */
  public List<RSAKey> all() {
    return keys.get();
  }

  /** The key named {@code kid}, looking again in the store once if it is new to this node. */
  public Optional<RSAKey> find(String kid) {
    Optional<RSAKey> key = lookup(kid);
    if (key.isEmpty()) {
      reload();
      key = lookup(kid);
    }
    return key;
  }

  private Optional<RSAKey> lookup(String kid) {
    return keys.get().stream().filter(key -> key.getKeyID().equals(kid)).findFirst();
  }

  /**
   * Sandbox: generates {@code rsa-<n+1>}, which signs every token from now on. Production: reads
   * the directory again.
   *
   * @return the key new tokens are signed with
   */
  public synchronized RSAKey rotate() {
    if (directory == null) {
      int next = keys.get().isEmpty() ? 1 : number(current().getKeyID()) + 1;
      KeyPair pair = generate();
      jdbc.sql(
              "insert into signing_keys (kid, private_key_encrypted, created_at)"
                  + " values (:kid, :key, :now) on conflict (kid) do nothing")
          .param("kid", "rsa-" + next)
          .param("key", secretBox.encrypt(pair.getPrivate().getEncoded()))
          .param("now", clock.instant().atOffset(ZoneOffset.UTC))
          .update();
      log.info("Generated token signing key rsa-{}", next);
    }
    reload();
    return current();
  }

  private synchronized void reload() {
    List<RSAKey> loaded = directory == null ? fromDatabase() : fromDirectory(Path.of(directory));
    loaded.sort(Comparator.comparingInt(key -> number(key.getKeyID())));
    keys.set(List.copyOf(loaded));
  }

  private List<RSAKey> fromDatabase() {
    List<RSAKey> loaded = new ArrayList<>();
    jdbc.sql("select kid, private_key_encrypted from signing_keys")
        .query(
            (row, number) -> {
              loaded.add(
                  rsaKey(
                      row.getString("kid"),
                      secretBox.decrypt(row.getBytes("private_key_encrypted"))));
              return null;
            })
        .list();
    return loaded;
  }

  private static List<RSAKey> fromDirectory(Path directory) {
    List<RSAKey> loaded = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Matcher name = KEY_FILE.matcher(file.getFileName().toString());
        if (name.matches()) {
          String base64 =
              Files.readString(file)
                  .replace("-----BEGIN PRIVATE KEY-----", "")
                  .replace("-----END PRIVATE KEY-----", "")
                  .replaceAll("\\s", "");
          loaded.add(rsaKey("rsa-" + name.group(1), Base64.getDecoder().decode(base64)));
        }
      }
    } catch (IOException unreadable) {
      throw new IllegalStateException("Cannot read CORAL_JWT_KEYS_DIR " + directory, unreadable);
    }
    return loaded;
  }

  private static RSAKey rsaKey(String kid, byte[] pkcs8) {
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey privateKey =
          (RSAPrivateCrtKey) factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      RSAPublicKey publicKey =
          (RSAPublicKey)
              factory.generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new RSAKey.Builder(publicKey)
          .privateKey(privateKey)
          .keyID(kid)
          .keyUse(KeyUse.SIGNATURE)
          .algorithm(JWSAlgorithm.PS256)
          .build();
    } catch (java.security.GeneralSecurityException invalid) {
      throw new IllegalStateException("Signing key " + kid + " is not an RSA private key", invalid);
    }
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static int number(String kid) {
    return new BigInteger(kid.substring("rsa-".length())).intValueExact();
  }

  /** The public half of every key, for a JWKS document. */
  public List<RSAKey> publicKeys() {
    return all().stream().map(RSAKey::toPublicJWK).toList();
  }

  static void requireSigner(RSAKey key) throws JOSEException {
    if (!key.isPrivate()) {
      throw new JOSEException("Key " + key.getKeyID() + " cannot sign");
    }
  }
}
