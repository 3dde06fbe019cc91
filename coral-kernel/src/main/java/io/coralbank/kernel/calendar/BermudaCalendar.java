package io.coralbank.kernel.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bermuda's business days: Monday to Friday, except the public holidays of the Public Holidays Act
 * 1947 as amended (2017 and 2020). A holiday falling on a weekend is observed on the following
 * Monday (Tuesday for Boxing Day when Christmas takes the Monday), so the bank is closed then.
 */
public final class BermudaCalendar {

  /** Bermuda's time zone; BCB quotes every cut-off in Bermuda local time. */
  public static final ZoneId ZONE = ZoneId.of("Atlantic/Bermuda");

  private BermudaCalendar() {}

  public static boolean isBusinessDay(LocalDate day) {
    DayOfWeek weekday = day.getDayOfWeek();
    return weekday != DayOfWeek.SATURDAY
        && weekday != DayOfWeek.SUNDAY
        && !holidays(day.getYear()).contains(day);
  }

  /** The first business day after {@code day}. */
  public static LocalDate nextBusinessDay(LocalDate day) {
    LocalDate next = day.plusDays(1);
    while (!isBusinessDay(next)) {
      next = next.plusDays(1);
    }
    return next;
  }

  /** {@code day} itself when it is a business day, otherwise the next one. */
  public static LocalDate thisOrNextBusinessDay(LocalDate day) {
    return isBusinessDay(day) ? day : nextBusinessDay(day);
  }

  /** The business day {@code count} business days after {@code day}; {@code day} when zero. */
  public static LocalDate plusBusinessDays(LocalDate day, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative");
    }
    LocalDate result = day;
    for (int step = 0; step < count; step++) {
      result = nextBusinessDay(result);
    }
    return result;
  }

  /** The days the bank is closed for a public holiday in {@code year}, as observed. */
  public static Set<LocalDate> holidays(int year) {
    Set<LocalDate> days = new TreeSet<>();
    days.add(observed(LocalDate.of(year, Month.JANUARY, 1)));
    days.add(easterSunday(year).minusDays(2)); // Good Friday
    // Bermuda Day: the last Friday in May since the 2017 amendment.
    days.add(
        LocalDate.of(year, Month.MAY, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.FRIDAY)));
    // National Heroes Day: the third Monday in June.
    days.add(
        LocalDate.of(year, Month.JUNE, 1)
            .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.MONDAY)));
    // Cup Match: Emancipation Day and Mary Prince Day, the Thursday and Friday before the first
    // Monday in August.
    LocalDate firstMondayOfAugust =
        LocalDate.of(year, Month.AUGUST, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
    days.add(firstMondayOfAugust.minusDays(4));
    days.add(firstMondayOfAugust.minusDays(3));
    // Labour Day: the first Monday in September.
    days.add(
        LocalDate.of(year, Month.SEPTEMBER, 1)
            .with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY)));
    days.add(observed(LocalDate.of(year, Month.NOVEMBER, 11))); // Remembrance Day
    LocalDate christmas = observed(LocalDate.of(year, Month.DECEMBER, 25));
    days.add(christmas);
    LocalDate boxingDay = observed(LocalDate.of(year, Month.DECEMBER, 26));
    days.add(boxingDay.equals(christmas) ? boxingDay.plusDays(1) : boxingDay);
    return days;
  }

  private static LocalDate observed(LocalDate holiday) {
    return switch (holiday.getDayOfWeek()) {
      case SATURDAY -> holiday.plusDays(2);
      case SUNDAY -> holiday.plusDays(1);
      default -> holiday;
    };
  }

  /** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  static LocalDate easterSunday(int year) {
    int a = year % 19;
    int b = year / 100;
    int c = year % 100;
    int d = b / 4;
    int e = b % 4;
    int f = (b + 8) / 25;
    int g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4;
    int k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;
    int month = (h + l - 7 * m + 114) / 31;
    int day = ((h + l - 7 * m + 114) % 31) + 1;
    return LocalDate.of(year, month, day);
  }
}
