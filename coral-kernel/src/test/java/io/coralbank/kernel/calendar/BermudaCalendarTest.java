package io.coralbank.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BermudaCalendarTest {

  @ParameterizedTest(name = "{0} is a holiday in {1}")
  @CsvSource({
    "2025-01-01, New Year's Day",
    "2025-04-18, Good Friday",
    "2025-05-30, Bermuda Day",
    "2025-06-16, National Heroes Day",
    "2025-07-31, Emancipation Day",
    "2025-08-01, Mary Prince Day",
    "2025-09-01, Labour Day",
    "2025-11-11, Remembrance Day",
    "2025-12-25, Christmas Day",
    "2025-12-26, Boxing Day",
    "2026-04-03, Good Friday 2026",
    "2026-12-28, Boxing Day 2026 on a Saturday is observed on Monday",
    "2027-12-27, Christmas 2027 on a Saturday is observed on Monday",
    "2027-12-28, Boxing Day 2027 then moves to Tuesday",
  })
  void publicHolidaysAreNotBusinessDays(LocalDate day, String name) {
    assertThat(BermudaCalendar.isBusinessDay(day)).as(name).isFalse();
  }

  @ParameterizedTest(name = "{0} is a business day")
  @CsvSource({"2025-01-02", "2025-04-17", "2025-08-04", "2025-12-24", "2026-11-23"})
  void ordinaryWeekdaysAreBusinessDays(LocalDate day) {
    assertThat(BermudaCalendar.isBusinessDay(day)).isTrue();
  }

  /**
   * The value-date table: when the bank receives the payment (UTC), on which rail and in which
   * currency, and the value date BCB's cut-offs give it. Bermuda is UTC-4 in winter (AST) and UTC-3
   * in summer (ADT).
   */
  @ParameterizedTest(name = "{1} {2} received {0} has value date {3}")
  @CsvSource({
    // received (UTC),        rail,  currency, value date,  why
    "2025-01-07T18:29:59Z, SWIFT, USD, 2025-01-07, USD before 14:30 AST settles the same day",
    "2025-01-07T18:30:00Z, SWIFT, USD, 2025-01-08, USD at 14:30 AST is after the cut-off",
    "2025-07-15T17:29:00Z, SWIFT, USD, 2025-07-15, 14:29 ADT in summer is before the cut-off",
    "2025-07-15T17:31:00Z, SWIFT, USD, 2025-07-16, 14:31 ADT in summer is after the cut-off",
    "2025-01-07T18:00:00Z, SWIFT, CAD, 2025-01-08, CAD before 15:00 settles the next day",
    "2025-01-07T19:00:00Z, SWIFT, CAD, 2025-01-09, CAD at 15:00 counts tomorrow then T+1",
    "2025-01-07T16:00:00Z, SWIFT, EUR, 2025-01-09, EUR before 12:30 settles T+2",
    "2025-01-07T17:00:00Z, SWIFT, GBP, 2025-01-10, GBP after 12:30 counts tomorrow then T+2",
    "2025-01-07T14:59:00Z, SWIFT, NOK, 2025-01-09, others before 11:00 settle T+2",
    "2025-01-07T15:00:00Z, SWIFT, AUD, 2025-01-10, others at 11:00 count tomorrow then T+2",
    "2025-01-07T16:29:00Z, SWIFT, BMD, 2025-01-07, domestic BMD before 12:30 same day",
    "2025-01-07T16:30:00Z, SWIFT, BMD, 2025-01-08, domestic BMD at 12:30 the next day",
    "2025-01-10T15:00:00Z, SWIFT, EUR, 2025-01-14, Friday EUR T+2 skips the weekend",
    "2025-01-11T15:00:00Z, SWIFT, USD, 2025-01-13, Saturday counts on Monday",
    "2025-12-24T20:00:00Z, SWIFT, USD, 2025-12-29, after the cut-off on Christmas Eve skips two holidays and a weekend",
    "2025-04-17T14:00:00Z, SWIFT, EUR, 2025-04-22, T+2 over Good Friday and the weekend",
    "2025-01-07T19:14:00Z, ACH, USD, 2025-01-07, ACH before 15:15 AST is same day",
    "2025-01-07T19:15:00Z, ACH, BMD, 2025-01-08, ACH at 15:15 AST is the next business day",
    "2025-05-29T20:00:00Z, ACH, BMD, 2025-06-02, ACH late on the eve of Bermuda Day waits for Monday",
  })
  void valueDatesFollowTheCutOffsOnBermudaBusinessDays(
      Instant received, String rail, String currency, LocalDate valueDate, String why) {
    CutOff cutOff = rail.equals("ACH") ? CutOff.achLocal() : CutOff.swift(currency);

    assertThat(cutOff.valueDate(received)).as(why).isEqualTo(valueDate);
  }

  @ParameterizedTest(name = "Easter {0} is {1}")
  @CsvSource({"2024, 2024-03-31", "2025, 2025-04-20", "2026, 2026-04-05", "2038, 2038-04-25"})
  void easterIsComputedForAnyYear(int year, LocalDate easter) {
    assertThat(BermudaCalendar.easterSunday(year)).isEqualTo(easter);
  }
}
