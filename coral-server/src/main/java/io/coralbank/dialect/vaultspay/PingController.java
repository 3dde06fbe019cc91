package io.coralbank.dialect.vaultspay;

import io.coralbank.web.PublicEndpoint;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * VaultsPay's health check. The index documents only the text it returns; it is wrapped in {@code
 * data} like every VaultsPay success (see {@code docs/api/vaultspay.md}).
 */
@RestController
class PingController {

  static final String UP = "Service is up and running!";

  @PublicEndpoint
  @GetMapping(path = "/v1/ping", produces = MediaType.APPLICATION_JSON_VALUE)
  DataEnvelope<String> ping() {
    return new DataEnvelope<>(UP);
  }
}
