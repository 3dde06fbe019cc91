package io.coralbank.dialect.admin;

import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads the server clock, the one source of "now" for every module. */
@RestController
class ClockController {

  private final Clock clock;

  ClockController(Clock clock) {
    this.clock = clock;
  }

  @GetMapping(path = "/v1/clock", produces = MediaType.APPLICATION_JSON_VALUE)
  ClockResponse now() {
    return new ClockResponse(clock.instant().toString());
  }
}
