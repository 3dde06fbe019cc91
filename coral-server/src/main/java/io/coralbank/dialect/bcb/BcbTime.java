package io.coralbank.dialect.bcb;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** BCB writes instants in Bermuda local time with their offset, as its system time does. */
final class BcbTime {

  // The IANA zone is Atlantic/Bermuda; "America/Bermuda" (as the architecture notes write it)
  // does not exist and the JDK rejects it.
  static final ZoneId BERMUDA = ZoneId.of("Atlantic/Bermuda");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

  private BcbTime() {}

  static String format(Instant instant) {
    return TIMESTAMP.format(instant.atZone(BERMUDA));
  }
}
