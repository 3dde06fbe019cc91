package io.coralbank.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.bench.MalformedInputProbe;
import io.coralbank.testsupport.HttpIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The standard that a client's mistake is never a server error, checked on every endpoint of the
 * four APIs at once: `./coral probe`'s requests (odd path and query parameters from the OpenAPI
 * documents, each field of a valid request spoiled in turn) against this test's server. A new
 * endpoint that lets a wrong value through to the database, or answers outside its dialect's error
 * shape, fails here.
 */
@TestPropertySource(
    properties = {
      "coral.rate-limits.dialects.bcb.requests=2000000000",
      "coral.rate-limits.dialects.cayman.requests=2000000000",
      "coral.rate-limits.dialects.cayman.writes=2000000000",
      "coral.rate-limits.dialects.vaultspay.requests=2000000000"
    })
class MalformedInputTest extends HttpIntegrationTest {

  @Test
  void everyEndpointAnswersMalformedInputWithAClientErrorInItsDialectsShape() throws Exception {
    MalformedInputProbe probe = MalformedInputProbe.probe(port);

    assertThat(probe.sent()).isGreaterThan(2_000);
    assertThat(probe.problems()).isEmpty();
  }
}
