package io.coralbank.ledger;

import java.time.LocalDate;

/**
 * Ledger transaction ids in BCB's style: {@code FT}, the two-digit year, the day of the year and
 * five base-36 characters, such as {@code FT25232K67K}.
 *
 * <p>The five characters come from a number the database hands out once per transaction, mixed by a
 * multiplication that is a bijection modulo 36^5, so ids do not reveal the bank's volume while
 * staying unique: two transactions of the same day share an id only if more than 60,466,176
 * transactions happen that day, and the primary key would then refuse the second one loudly.
 */
final class TransactionIds {

  static final long SPACE = 60_466_176L; // 36^5
  // Odd and not a multiple of 3, hence coprime to 36^5 = 2^10 * 3^10: a bijection.
  private static final long MIXER = 2_654_435_761L % SPACE;
  private static final char[] DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".toCharArray();

  private TransactionIds() {}

  static String format(LocalDate day, long number) {
    long mixed = Math.floorMod(number, SPACE) * MIXER % SPACE;
    char[] suffix = new char[5];
    for (int index = 4; index >= 0; index--) {
      suffix[index] = DIGITS[(int) (mixed % 36)];
      mixed /= 36;
    }
    return String.format("FT%02d%03d", day.getYear() % 100, day.getDayOfYear())
        + new String(suffix);
  }
}
