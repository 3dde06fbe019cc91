package io.coralbank.identity;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Generates client secrets and hashes them with Argon2id (Spring Security's encoder, parameters of
 * its 5.8 defaults: 16 MiB, 2 iterations). A generated secret is 26 characters with at least one
 * upper-case letter, lower-case letter, digit and special character, as BCB requires (22 to 30).
 */
@Component
public class Secrets {

  static final int SECRET_LENGTH = 26;
  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
  private static final String DIGITS = "23456789";
  // No quote, backslash or space: a secret must survive being pasted into JSON and a shell.
  private static final String SPECIAL = "!#$%&*+-.:=?@^_~";
  private static final String ALL = UPPER + LOWER + DIGITS + SPECIAL;

  private final SecureRandom random = new SecureRandom();
  private final Argon2PasswordEncoder argon2 =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

  public String newClientSecret() {
    List<Character> characters = new ArrayList<>();
    characters.add(pick(UPPER));
    characters.add(pick(LOWER));
    characters.add(pick(DIGITS));
    characters.add(pick(SPECIAL));
    while (characters.size() < SECRET_LENGTH) {
      characters.add(pick(ALL));
    }
    Collections.shuffle(characters, random);
    StringBuilder secret = new StringBuilder();
    characters.forEach(secret::append);
    return secret.toString();
  }

  /** 32 random bytes, base64: the key BCB clients use to verify HMAC-signed messages. */
  public String newSigningSecret() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * An API key for key-based dialects: {@code sk_}, the client id without dashes, {@code _}, and 43
   * URL-safe random characters. The id lets the server find the one hash to check the key against;
   * only the random part is secret.
   */
  public String newApiKey(java.util.UUID clientId) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return "sk_"
        + clientId.toString().replace("-", "")
        + "_"
        + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public String hash(String secret) {
    return argon2.encode(secret);
  }

  public boolean matches(String secret, String hash) {
    return secret != null && hash != null && argon2.matches(secret, hash);
  }

  private char pick(String alphabet) {
    return alphabet.charAt(random.nextInt(alphabet.length()));
  }
}
