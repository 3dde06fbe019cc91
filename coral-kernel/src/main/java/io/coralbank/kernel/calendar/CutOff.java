package io.coralbank.kernel.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a payment must reach the bank to count today, and how many business days later it settles. A
 * payment received before {@code time} (Bermuda local time) on a business day counts that day;
 * otherwise it counts on the next business day. The value date is that day plus {@code
 * settlementDays} business days.
 */
public record CutOff(LocalTime time, int settlementDays) {

  public CutOff {
    if (settlementDays < 0) {
      throw new IllegalArgumentException("settlementDays must not be negative");
    }
  }

  /**
   * BCB's cut-offs for outgoing SWIFT payments by currency: USD 14:30 same day, CAD 15:00 T+1, EUR
   * and GBP 12:30 T+2, BMD (domestic) 12:30 same day, every other currency 11:00 T+2.
   */
  public static CutOff swift(String currency) {
    return switch (currency) {
      case "USD" -> new CutOff(LocalTime.of(14, 30), 0);
      case "CAD" -> new CutOff(LocalTime.of(15, 0), 1);
      case "EUR", "GBP" -> new CutOff(LocalTime.of(12, 30), 2);
      case "BMD" -> new CutOff(LocalTime.of(12, 30), 0);
      default -> new CutOff(LocalTime.of(11, 0), 2);
    };
  }

  /** BCB's local ACH: same day when received before 15:15 Bermuda time. */
  public static CutOff achLocal() {
    return new CutOff(LocalTime.of(15, 15), 0);
  }

  /** The value date of a payment the bank receives at {@code received}. */
  public LocalDate valueDate(Instant received) {
    ZonedDateTime local = received.atZone(BermudaCalendar.ZONE);
    LocalDate day = local.toLocalDate();
    LocalDate counts =
        BermudaCalendar.isBusinessDay(day) && local.toLocalTime().isBefore(time)
            ? day
            : BermudaCalendar.nextBusinessDay(day);
    return BermudaCalendar.plusBusinessDays(counts, settlementDays);
  }
}
