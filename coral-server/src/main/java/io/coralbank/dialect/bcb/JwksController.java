package io.coralbank.dialect.bcb;

import com.nimbusds.jose.jwk.RSAKey;
import io.coralbank.identity.SigningKeys;
import io.coralbank.web.RequiresPermission;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public keys that verify Coral's tokens and RSA-signed messages, as BCB's JWKS document:
 * {@code kty}, {@code use}, {@code alg}, {@code kid} ({@code rsa-<n>}), {@code n}, {@code e}. Every
 * key still valid for verification is listed, newest last.
 */
@RestController
class JwksController {

  private final SigningKeys keys;

  JwksController(SigningKeys keys) {
    this.keys = keys;
  }

  /** One key of the document. */
  record Jwk(String kty, String use, String alg, String kid, String n, String e) {}

  /** The document. */
  record Jwks(List<Jwk> keys) {}

  @RequiresPermission("get-public-keys")
  @GetMapping(path = "/v1/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
  Jwks jwks() {
    return new Jwks(keys.publicKeys().stream().map(JwksController::render).toList());
  }

  private static Jwk render(RSAKey key) {
    return new Jwk(
        "RSA",
        "sig",
        "PS256",
        key.getKeyID(),
        key.getModulus().toString(),
        key.getPublicExponent().toString());
  }
}
