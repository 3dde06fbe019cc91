package io.coralbank.dialect.vaultspay;

import io.coralbank.web.Caller;
import io.coralbank.web.RequiresPermission;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint that needs an access token with {@code users}. Exists only in tests. */
@RestController
class VaultsPayProtectedProbeController {

  @RequiresPermission("users")
  @GetMapping(path = "/test-probe/protected", produces = MediaType.APPLICATION_JSON_VALUE)
  DataEnvelope<Map<String, String>> whoAmI(Caller caller) {
    return new DataEnvelope<>(Map.of("client", caller.clientId().toString()));
  }
}
