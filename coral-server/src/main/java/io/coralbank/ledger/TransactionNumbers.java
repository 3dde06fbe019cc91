package io.coralbank.ledger;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hands out transaction ids. The database sequence gives blocks of 1000 numbers, unique across
 * every engine on the database; within a block numbers are taken in order without a round trip.
 * Numbers of a block a process did not use are simply never used.
 */
final class TransactionNumbers {

  private static final int BLOCK = 1000;

  private final JdbcClient jdbc;
  private long next;
  private long end;

  TransactionNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** {@code count} new ids for transactions created at {@code now} (UTC day). */
  synchronized String[] next(int count, Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
    String[] ids = new String[count];
    for (int index = 0; index < count; index++) {
      if (next == end) {
        next =
            jdbc.sql("select nextval('ledger_transaction_block_seq')").query(Long.class).single();
        end = next + BLOCK;
      }
      ids[index] = TransactionIds.format(day, next++);
    }
    return ids;
  }
}
