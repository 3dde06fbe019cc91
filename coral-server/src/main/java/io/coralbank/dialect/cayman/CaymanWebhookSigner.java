package io.coralbank.dialect.cayman;

import io.coralbank.events.WebhookSigner;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * {@code X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">}, keyed with the
 * endpoint's secret (the whole {@code whsec_...} string as UTF-8). The time is the attempt's, so
 * every retry carries a fresh signature a receiver can check against its tolerance.
 */
@Component
class CaymanWebhookSigner implements WebhookSigner {

  @Override
  public String dialect() {
    return CaymanEvents.DIALECT;
  }

  @Override
  public Map<String, String> headers(
      String secret, String scheme, URI url, String body, Instant at) {
    long timestamp = at.getEpochSecond();
    return Map.of("X-Signature", "t=" + timestamp + ",v1=" + sign(secret, timestamp + "." + body));
  }

  static String sign(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
