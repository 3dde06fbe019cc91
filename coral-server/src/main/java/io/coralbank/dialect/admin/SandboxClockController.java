package io.coralbank.dialect.admin;

import io.coralbank.platform.SandboxOnly;
import io.coralbank.platform.time.SandboxClockService;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves the sandbox clock forward so integrators can watch holds, tokens and cut-offs expire. In
 * production this controller does not exist, so the path is 404 as the admin contract says.
 */
@RestController
@SandboxOnly
class SandboxClockController {

  private final SandboxClockService sandboxClock;

  SandboxClockController(SandboxClockService sandboxClock) {
    this.sandboxClock = sandboxClock;
  }

  @PostMapping(
      path = "/v1/clock/advance",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ClockResponse advance(@RequestBody ClockAdvanceRequest request) {
    if (request.seconds() == null) {
      throw AdminProblem.badRequest("seconds_required", "seconds is required.");
    }
    long seconds = request.seconds();
    if (seconds < 1 || seconds > SandboxClockService.MAXIMUM_ADVANCE_SECONDS) {
      throw AdminProblem.badRequest(
          "seconds_must_be_in_range",
          "seconds must be a whole number from 1 to "
              + SandboxClockService.MAXIMUM_ADVANCE_SECONDS
              + ".");
    }
    return new ClockResponse(sandboxClock.advance(seconds).toString());
  }
}
