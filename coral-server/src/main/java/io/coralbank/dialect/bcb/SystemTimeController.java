package io.coralbank.dialect.bcb;

import io.coralbank.web.PublicEndpoint;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.TimeZone;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's server time, so integrators can build valid date windows. BCB documents this endpoint as
 * JSON only and without a permission claim.
 */
@RestController
class SystemTimeController {

  private final Clock clock;

  SystemTimeController(Clock clock) {
    this.clock = clock;
  }

  @PublicEndpoint
  @GetMapping(path = "/v1/system/time", produces = MediaType.APPLICATION_JSON_VALUE)
  SystemTimeResponse systemTime() {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    boolean daylightSaving = BcbTime.BERMUDA.getRules().isDaylightSavings(now);
    // The zone's display name follows the rules in effect at this instant, not today's.
    String timeZone =
        TimeZone.getTimeZone(BcbTime.BERMUDA)
            .getDisplayName(daylightSaving, TimeZone.LONG, Locale.US);
    return new SystemTimeResponse(BcbTime.format(now), timeZone);
  }
}
