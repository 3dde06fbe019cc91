package io.coralbank.testsupport;

import io.coralbank.web.PublicEndpoint;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * Endpoints that exist only in tests, one subclass in each dialect's package, so the framework's
 * failures (wrong method, unreadable body, unsupported media types, oversized body, exceptions) can
 * be provoked in every dialect before that dialect has endpoints of its own with a body.
 */
public abstract class ProbeEndpoints {

  public static final String PATH = "/test-probe";
  public static final String FAILURE_PATH = "/test-probe/failure";
  public static final String SECRET_DETAIL = "connection to 10.0.0.7 refused by ledger_secret";

  /** A request body with one required-looking field. */
  public record ProbeRequest(String name, Long amountMinor) {}

  @PublicEndpoint
  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ProbeRequest read() {
    return new ProbeRequest("probe", 100L);
  }

  @PublicEndpoint
  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ProbeRequest echo(@RequestBody ProbeRequest request) {
    return request;
  }

  @PublicEndpoint
  @GetMapping(path = FAILURE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ProbeRequest fail() {
    throw new IllegalStateException(SECRET_DETAIL);
  }
}
