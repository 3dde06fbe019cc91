package io.coralbank.dialect.admin;

import io.coralbank.identity.SigningKeys;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rotates the token signing key: new tokens are signed with the new key, older tokens stay valid
 * until they expire. In sandbox mode a key is generated; in production the key directory is read
 * again (add {@code rsa-<n+1>.pem} first).
 */
@RestController
class SigningKeysController {

  private final SigningKeys keys;

  SigningKeysController(SigningKeys keys) {
    this.keys = keys;
  }

  /** The key now signing new tokens. */
  record CurrentKey(String kid) {}

  @PostMapping(path = "/v1/signing-keys/rotate", produces = MediaType.APPLICATION_JSON_VALUE)
  CurrentKey rotate() {
    return new CurrentKey(keys.rotate().getKeyID());
  }
}
