package io.coralbank.dialect.bcb;

import io.coralbank.web.GlobalRateLimit;
import io.coralbank.web.PublicEndpoint;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An endpoint paced across all clients, as BCB paces virtual-account creation. Exists only in
 * tests, until that endpoint exists.
 */
@RestController
class BcbPacedProbeController {

  @PublicEndpoint
  @GlobalRateLimit(requests = 1, seconds = 2)
  @PostMapping(path = "/test-probe/paced", produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, String> paced() {
    return Map.of("accepted", "yes");
  }
}
