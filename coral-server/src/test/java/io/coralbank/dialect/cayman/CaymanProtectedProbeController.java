package io.coralbank.dialect.cayman;

import io.coralbank.web.Caller;
import io.coralbank.web.RequiresPermission;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint that needs an API key with {@code wallets:read}. Exists only in tests. */
@RestController
class CaymanProtectedProbeController {

  @RequiresPermission("wallets:read")
  @GetMapping(path = "/test-probe/protected", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> whoAmI(Caller caller) {
    return Map.of(
        "client", caller.clientId().toString(), "customer", caller.customerId().toString());
  }
}
