package io.coralbank.dialect.bcb;

import io.coralbank.events.WebhookSigner;
import io.coralbank.identity.SigningKeys;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * BCB's message signature: {@code Bcb-Timestamp} (epoch seconds), {@code Bcb-Nonce} (a GUID) and
 * {@code Bcb-Signature}, the base64 HMAC-SHA256 of {@code {timestamp}{nonce}{METHOD}{path}{body}}
 * keyed with the API client's message signing secret (its 32 bytes, base64-decoded). A fresh
 * timestamp and nonce sign every attempt.
 */
@Component
class BcbWebhookSigner implements WebhookSigner {

  /** The RSA-PSS scheme's name, sent as {@code Bcb-Signature-Version}. */
  static final String RSA_V1 = "rsa-v1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final SigningKeys keys;

  BcbWebhookSigner(SigningKeys keys) {
    this.keys = keys;
  }

  @Override
  public String dialect() {
    return BcbEvents.DIALECT;
  }

  @Override
  public Map<String, String> headers(
      String secret, String scheme, URI url, String body, Instant at) {
    String timestamp = Long.toString(at.getEpochSecond());
    String nonce = UUID.randomUUID().toString();
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    String signed = timestamp + nonce + "POST" + path + body;
    if (RSA_V1.equals(scheme)) {
      return Map.of(
          "Bcb-Timestamp",
          timestamp,
          "Bcb-Nonce",
          nonce,
          "Bcb-Signature-Version",
          RSA_V1,
          "Bcb-Signature",
          signWithBankKey(signed));
    }
    return Map.of(
        "Bcb-Timestamp", timestamp, "Bcb-Nonce", nonce, "Bcb-Signature", sign(secret, signed));
  }

  /** RSASSA-PSS with SHA-256 (MGF1 SHA-256, 32-byte salt) and the key the JWKS publishes. */
  private String signWithBankKey(String signed) {
    try {
      Signature signature = Signature.getInstance("RSASSA-PSS");
      signature.setParameter(
          new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
      signature.initSign(keys.current().toPrivateKey());
      signature.update(signed.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(signature.sign());
    } catch (GeneralSecurityException | com.nimbusds.jose.JOSEException failure) {
      throw new IllegalStateException("Could not sign with the bank's key", failure);
    }
  }

  /** A Deposits notification names the subscription it is delivered for. */
  @Override
  public String bodyFor(String payload, String endpointId) {
    var tree = JSON.readTree(payload);
    if (tree instanceof ObjectNode object && object.has("subscriptionId")) {
      object.put("subscriptionId", endpointId);
      return JSON.writeValueAsString(object);
    }
    return payload;
  }

  static String sign(String secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret), "HmacSHA256"));
      return Base64.getEncoder()
          .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
