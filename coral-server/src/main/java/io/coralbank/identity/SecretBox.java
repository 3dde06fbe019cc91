package io.coralbank.identity;

import io.coralbank.platform.CoralMode;
import io.coralbank.platform.CoralProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Encrypts the few secrets Coral must be able to use again (message signing secrets, sandbox
 * signing keys) with AES-256-GCM under {@code CORAL_ENCRYPTION_KEY}. Each value gets a fresh
 * 12-byte nonce, stored in front of the ciphertext.
 *
 * <p>Production refuses to start without the key. Sandbox mode without it uses a fixed, published
 * key, and says so at start-up: sandbox data is not secret.
 */
@Component
public class SecretBox {

  private static final Logger log = LoggerFactory.getLogger(SecretBox.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  SecretBox(CoralProperties properties) {
    String configured = properties.encryptionKey();
    byte[] material;
    if (configured != null && !configured.isBlank()) {
      material = Base64.getDecoder().decode(configured.trim());
    } else if (properties.mode() == CoralMode.SANDBOX) {
      log.warn(
          "CORAL_ENCRYPTION_KEY is not set: sandbox data at rest is encrypted with a published"
              + " key. Set it before storing anything real.");
      material = sha256("coral-sandbox-encryption-key");
    } else {
      throw new IllegalStateException("CORAL_ENCRYPTION_KEY is required in production");
    }
    this.key = new SecretKeySpec(material, "AES");
  }

  /**
   * A key for {@code purpose} derived from the encryption key (HMAC-SHA256 of the purpose), so each
   * use (page tokens, ...) has its own key and none reveals the master key.
   */
  public byte[] derivedKey(String purpose) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", impossible);
    }
  }

  public byte[] encrypt(byte[] plain) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      byte[] sealed = cipher.doFinal(plain);
      return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
    } catch (GeneralSecurityException failure) {
      throw new IllegalStateException("AES-GCM is unavailable", failure);
    }
  }

  public byte[] decrypt(byte[] box) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, box, 0, NONCE_BYTES));
      return cipher.doFinal(box, NONCE_BYTES, box.length - NONCE_BYTES);
    } catch (GeneralSecurityException failure) {
      throw new IllegalStateException(
          "A stored secret cannot be decrypted: was CORAL_ENCRYPTION_KEY changed?", failure);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
