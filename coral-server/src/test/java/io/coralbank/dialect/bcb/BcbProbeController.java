package io.coralbank.dialect.bcb;

import io.coralbank.testsupport.ProbeEndpoints;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework probe, mounted under the bcb dialect's base path. Exists only in tests; public, so
 * the framework's failures are reached without a token.
 */
@RestController
class BcbProbeController extends ProbeEndpoints {

  @BcbPublic
  @Override
  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ProbeRequest read() {
    return super.read();
  }

  @BcbPublic
  @Override
  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  public ProbeRequest echo(@RequestBody ProbeRequest request) {
    return super.echo(request);
  }

  @BcbPublic
  @Override
  @GetMapping(path = FAILURE_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  public ProbeRequest fail() {
    return super.fail();
  }
}
