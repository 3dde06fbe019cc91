package io.coralbank.dialect.bcb;

import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

  // The IANA zone is Atlantic/Bermuda; "America/Bermuda" (as the architecture notes write it)
  // does not exist and the JDK rejects it.
  static final ZoneId BERMUDA = ZoneId.of("Atlantic/Bermuda");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private final Clock clock;

  SystemTimeController(Clock clock) {
    this.clock = clock;
  }

  @GetMapping(path = "/v1/system/time", produces = MediaType.APPLICATION_JSON_VALUE)
  SystemTimeResponse systemTime() {
    ZonedDateTime now = ZonedDateTime.now(clock).withZoneSameInstant(BERMUDA);
    boolean daylightSaving = BERMUDA.getRules().isDaylightSavings(now.toInstant());
    // The zone's display name follows the rules in effect at this instant, not today's.
    String timeZone =
        TimeZone.getTimeZone(BERMUDA).getDisplayName(daylightSaving, TimeZone.LONG, Locale.US);
    return new SystemTimeResponse(TIMESTAMP.format(now.truncatedTo(ChronoUnit.SECONDS)), timeZone);
  }
}
