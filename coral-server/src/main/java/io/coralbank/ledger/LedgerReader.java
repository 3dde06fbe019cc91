package io.coralbank.ledger;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reads balances and the journal. Every read is served by an index: balance now by primary key,
 * balance at an instant by the latest posting before it, and pages of postings by keyset over
 * {@code (account_id, posted_at, id)}, never by OFFSET, so an account with millions of postings
 * pages as fast as a new one.
 */
@Service
public class LedgerReader {

  private static final RowMapper<PostingView> POSTING =
      (row, number) ->
          new PostingView(
              row.getLong("id"),
              row.getString("transaction_id"),
              row.getString("transfer_id"),
              row.getLong("account_id"),
              row.getLong("counterparty_account_id"),
              row.getLong("amount"),
              row.getLong("balance_after"),
              row.getObject("posted_at", OffsetDateTime.class).toInstant(),
              row.getString("code"),
              row.getString("description"));

  private final JdbcClient jdbc;

  public LedgerReader(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Balance> balance(long accountId) {
    return jdbc.sql(
            "select posted, pending_debits, pending_credits from ledger_accounts"
                + " where account_id = :id")
        .param("id", accountId)
        .query(
            (row, number) ->
                new Balance(
                    row.getLong("posted"),
                    row.getLong("pending_debits"),
                    row.getLong("pending_credits")))
        .optional();
  }

  /** The posted balance as it stood at {@code instant} (postings at that instant included). */
  public long postedBalanceAt(long accountId, Instant instant) {
    return jdbc.sql(
            """
            select balance_after from ledger_postings
             where account_id = :id and posted_at <= :at
             order by posted_at desc, id desc
             limit 1
            """)
        .param("id", accountId)
        .param("at", instant.atOffset(ZoneOffset.UTC))
        .query(Long.class)
        .optional()
        .orElse(0L);
  }

  /**
   * Postings of an account with {@code from <= postedAt < to}, in {@code order}, after {@code
   * cursor} (null for the first page), at most {@code limit}.
   */
  public PostingPage postings(
      long accountId,
      Instant from,
      Instant to,
      PostingPage.Order order,
      PostingPage.Cursor cursor,
      int limit) {
    return postings(accountId, from, to, Long.MAX_VALUE, order, cursor, limit);
  }

  /**
   * As {@link #postings(long, Instant, Instant, PostingPage.Order, PostingPage.Cursor, int)},
   * counting only postings with ids up to {@code upToId}, so pages stay stable while new postings
   * arrive.
   */
  public PostingPage postings(
      long accountId,
      Instant from,
      Instant to,
      long upToId,
      PostingPage.Order order,
      PostingPage.Cursor cursor,
      int limit) {
    boolean newestFirst = order == PostingPage.Order.NEWEST_FIRST;
    // The cursor replaces the range's bound on the side the scan starts from: with both, the
    // index scan would start at the range's end and filter its way down to the cursor, which on
    // a long history reads hundreds of thousands of entries.
    String range;
    if (cursor == null) {
      range = " and p.posted_at >= :from and p.posted_at < :to";
    } else if (newestFirst) {
      range = " and p.posted_at >= :from and (p.posted_at, p.id) < (:cursorAt, :cursorId)";
    } else {
      range = " and (p.posted_at, p.id) > (:cursorAt, :cursorId) and p.posted_at < :to";
    }
    String direction = newestFirst ? "desc" : "asc";
    JdbcClient.StatementSpec statement =
        jdbc.sql(
                "select p.id, p.transaction_id, p.transfer_id, p.account_id,"
                    + " p.counterparty_account_id, p.amount, p.balance_after, p.posted_at,"
                    + " t.code, t.description"
                    + " from ledger_postings p join ledger_transfers t"
                    + " on t.transfer_id = p.transfer_id"
                    + " where p.account_id = :id and p.id <= :upToId"
                    + range
                    + " order by p.posted_at "
                    + direction
                    + ", p.id "
                    + direction
                    + " limit :limit")
            .param("id", accountId)
            .param("upToId", upToId)
            .param("limit", limit + 1);
    if (cursor == null || newestFirst) {
      statement = statement.param("from", from.atOffset(ZoneOffset.UTC));
    }
    if (cursor == null || !newestFirst) {
      statement = statement.param("to", to.atOffset(ZoneOffset.UTC));
    }
    if (cursor != null) {
      statement =
          statement
              .param("cursorAt", cursor.postedAt().atOffset(ZoneOffset.UTC))
              .param("cursorId", cursor.id());
    }
    List<PostingView> rows = statement.query(POSTING).list();
    if (rows.size() <= limit) {
      return new PostingPage(rows, null);
    }
    List<PostingView> page = rows.subList(0, limit);
    PostingView last = page.getLast();
    return new PostingPage(List.copyOf(page), new PostingPage.Cursor(last.postedAt(), last.id()));
  }

  /**
   * Newest first, skipping {@code offset} postings: for a client that jumps straight to a page.
   * Sequential paging uses the keyset form, which does not scan what it skips.
   */
  public List<PostingView> postingsAt(
      long accountId, Instant from, Instant to, long upToId, long offset, int limit) {
    return jdbc.sql(
            "select p.id, p.transaction_id, p.transfer_id, p.account_id,"
                + " p.counterparty_account_id, p.amount, p.balance_after, p.posted_at,"
                + " t.code, t.description"
                + " from ledger_postings p join ledger_transfers t on t.transfer_id = p.transfer_id"
                + " where p.account_id = :id and p.id <= :upToId"
                + " and p.posted_at >= :from and p.posted_at < :to"
                + " order by p.posted_at desc, p.id desc offset :offset limit :limit")
        .param("id", accountId)
        .param("upToId", upToId)
        .param("from", from.atOffset(ZoneOffset.UTC))
        .param("to", to.atOffset(ZoneOffset.UTC))
        .param("offset", offset)
        .param("limit", limit)
        .query(POSTING)
        .list();
  }

  /** The highest posting id of an account: the bound that keeps a paged statement stable. */
  /**
   * Money that came to the account from outside the bank (its counterparty is one of the bank's own
   * clearing accounts), newest first.
   */
  public List<PostingView> externalCredits(long accountId, long offset, int limit) {
    return jdbc.sql(
            "select p.id, p.transaction_id, p.transfer_id, p.account_id,"
                + " p.counterparty_account_id, p.amount, p.balance_after, p.posted_at,"
                + " t.code, t.description"
                + " from ledger_postings p join ledger_transfers t on t.transfer_id = p.transfer_id"
                + " join accounts c on c.id = p.counterparty_account_id and c.kind = 'CLEARING'"
                + " where p.account_id = :id and p.amount > 0"
                + " order by p.posted_at desc, p.id desc offset :offset limit :limit")
        .param("id", accountId)
        .param("offset", offset)
        .param("limit", limit)
        .query(POSTING)
        .list();
  }

  public long countExternalCredits(long accountId) {
    return jdbc.sql(
            "select count(*) from ledger_postings p"
                + " join accounts c on c.id = p.counterparty_account_id and c.kind = 'CLEARING'"
                + " where p.account_id = :id and p.amount > 0")
        .param("id", accountId)
        .query(Long.class)
        .single();
  }

  /** Every posting of a ledger transaction, in journal order. */
  public List<PostingView> postingsOfTransaction(String transactionId) {
    return jdbc.sql(
            "select p.id, p.transaction_id, p.transfer_id, p.account_id,"
                + " p.counterparty_account_id, p.amount, p.balance_after, p.posted_at,"
                + " t.code, t.description"
                + " from ledger_postings p join ledger_transfers t on t.transfer_id = p.transfer_id"
                + " where p.transaction_id = :id order by p.id")
        .param("id", transactionId)
        .query(POSTING)
        .list();
  }

  /** When the transaction was made, and the transaction that reversed it, if any. */
  public record TransactionState(Instant createdAt, String reversedBy) {}

  public Optional<TransactionState> transaction(String transactionId) {
    return jdbc.sql(
            """
            select t.created_at, r.id as reversed_by
              from ledger_transactions t left join ledger_transactions r on r.reverses = t.id
             where t.id = :id
            """)
        .param("id", transactionId)
        .query(
            (row, number) ->
                new TransactionState(
                    row.getObject("created_at", OffsetDateTime.class).toInstant(),
                    row.getString("reversed_by")))
        .optional();
  }

  /** A transfer as the journal recorded it. */
  public record RecordedTransfer(
      String transferId,
      String transactionId,
      long debitAccountId,
      long creditAccountId,
      String assetCode,
      long amount,
      String code,
      String description) {}

  /** The transfer with this id, if the journal has it. */
  public Optional<RecordedTransfer> transfer(String transferId) {
    return jdbc.sql(
            """
            select transfer_id, transaction_id, debit_account_id, credit_account_id, asset_code,
                   amount, code, description
              from ledger_transfers where transfer_id = :id
            """)
        .param("id", transferId)
        .query(
            (row, number) ->
                new RecordedTransfer(
                    row.getString("transfer_id"),
                    row.getString("transaction_id"),
                    row.getLong("debit_account_id"),
                    row.getLong("credit_account_id"),
                    row.getString("asset_code"),
                    row.getLong("amount"),
                    row.getString("code"),
                    row.getString("description")))
        .optional();
  }

  /** When money last moved on the account (its newest posting), if it ever did. */
  public Optional<Instant> lastPostedAt(long accountId) {
    return jdbc.sql(
            "select posted_at from ledger_postings where account_id = :account"
                + " order by posted_at desc, id desc limit 1")
        .param("account", accountId)
        .query(
            (row, number) -> row.getObject("posted_at", java.time.OffsetDateTime.class).toInstant())
        .optional();
  }

  public long lastPostingId(long accountId) {
    return jdbc.sql("select coalesce(max(id), 0) from ledger_postings where account_id = :id")
        .param("id", accountId)
        .query(Long.class)
        .single();
  }

  /** Number of postings of an account in a range, for list totals. */
  public long countPostings(long accountId, Instant from, Instant to) {
    return countPostings(accountId, from, to, Long.MAX_VALUE);
  }

  /** Number of postings of an account in a range with ids up to {@code upToId}. */
  public long countPostings(long accountId, Instant from, Instant to, long upToId) {
    return jdbc.sql(
            "select count(*) from ledger_postings"
                + " where account_id = :id and posted_at >= :from and posted_at < :to"
                + " and id <= :upToId")
        .param("id", accountId)
        .param("upToId", upToId)
        .param("from", from.atOffset(ZoneOffset.UTC))
        .param("to", to.atOffset(ZoneOffset.UTC))
        .query(Long.class)
        .single();
  }
}
