package io.coralbank.dialect.bcb;

import io.coralbank.identity.SecretBox;
import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * BCB's opaque page tokens: the page size, the page the token leads to, the bound that keeps the
 * result set stable, the keyset position of that page, and a fingerprint of the list (endpoint,
 * filters, customer), signed with HMAC-SHA256. A token that was altered, or that belongs to another
 * list or another customer, is refused with 400: it can never show someone else's data.
 */
@Component
class BcbPageTokens {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

  private final byte[] key;

  BcbPageTokens(SecretBox secretBox) {
    this.key = secretBox.derivedKey("bcb-page-tokens");
  }

  /**
   * What a token carries.
   *
   * @param position the keyset position of the page the token leads to, or "" when offset-based
   */
  record Token(int pageSize, int nextPage, long bound, String position, String fingerprint) {}

  String issue(Token token) {
    String payload =
        token.pageSize()
            + "|"
            + token.nextPage()
            + "|"
            + token.bound()
            + "|"
            + token.position()
            + "|"
            + token.fingerprint();
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
  }

  /** The token's content, if it is genuine and was issued for this list ({@code fingerprint}). */
  Token read(String text, String fingerprint) {
    try {
      String[] parts = text.split("\\.", -1);
      if (parts.length != 2) {
        throw forged();
      }
      byte[] bytes = DECODER.decode(parts[0]);
      if (!MessageDigest.isEqual(sign(bytes), DECODER.decode(parts[1]))) {
        throw forged();
      }
      String[] fields = new String(bytes, StandardCharsets.UTF_8).split("\\|", -1);
      Token token =
          new Token(
              Integer.parseInt(fields[0]),
              Integer.parseInt(fields[1]),
              Long.parseLong(fields[2]),
              fields[3],
              fields[4]);
      if (!token.fingerprint().equals(fingerprint)) {
        throw forged();
      }
      return token;
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException malformed) {
      throw forged();
    }
  }

  private byte[] sign(byte[] payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(payload);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", impossible);
    }
  }

  private static RequestRefused forged() {
    return new RequestRefused(
        FailureKind.MALFORMED_REQUEST, "pageToken is not a token this list issued.");
  }
}
