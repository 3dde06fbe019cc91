package io.coralbank.bench;

import static io.coralbank.bench.CommandLine.intArgument;
import static io.coralbank.bench.CommandLine.stringArgument;

import com.zaxxer.hikari.HikariDataSource;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.ledger.EngineSettings;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.LedgerEngine;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.ledger.PostingPage;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import io.coralbank.platform.database.EmbeddedPostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger engine against real PostgreSQL on this machine: transfers per second and p50/p99
 * latency for (a) uniform random accounts out of 100,000 and (b) one hot account every transfer
 * touches, at 1, 8, 64 and 256 concurrent callers; and in the same run the same workload done the
 * naive way (one database transaction per transfer: lock, update both balances, insert the
 * journal). Each caller submits one transfer at a time and waits for it, as a request thread does.
 *
 * <p>Arguments: {@code --seconds=N} per measurement (default 5), {@code --warmup=N} (default 2),
 * {@code --callers=1,8,64,256}, {@code --workers=N} and {@code --wait-micros=N} for the engine,
 * {@code --ways=engine} to skip the naive way while tuning.
 */
public final class LedgerBenchmark implements AutoCloseable {

  private static final int ACCOUNTS = 100_000;
  private static final long OPENING_BALANCE = 1_000_000_000_00L;

  private final long firstAccountId;
  private final long hotAccountId;
  private final HikariDataSource engineDataSource;
  private final HikariDataSource naiveDataSource;
  private final int accountCount;

  private LedgerBenchmark(String jdbcUrl, long firstAccountId, long hotAccountId) {
    this(jdbcUrl, firstAccountId, hotAccountId, ACCOUNTS);
  }

  /**
   * A benchmark over {@code accountCount} accounts with consecutive ids from {@code
   * firstAccountId}, for another benchmark's naive baseline on its own accounts.
   */
  LedgerBenchmark(String jdbcUrl, long firstAccountId, long hotAccountId, int accountCount) {
    this.accountCount = accountCount;
    this.firstAccountId = firstAccountId;
    this.hotAccountId = hotAccountId;
    this.engineDataSource = pool(jdbcUrl, 8);
    this.naiveDataSource = pool(jdbcUrl, 64);
  }

  public static void main(String[] arguments) throws Exception {
    CommandLine.quietLibraryLogs();
    int seconds = intArgument(arguments, "seconds", 5);
    int warmup = intArgument(arguments, "warmup", 2);
    int workers = intArgument(arguments, "workers", EngineSettings.defaults().workers());
    int waitMicros =
        intArgument(
            arguments, "wait-micros", (int) (EngineSettings.defaults().maxWait().toNanos() / 1000));
    int[] callerCounts =
        Arrays.stream(stringArgument(arguments, "callers", "1,8,64,256").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    Path directory = ScratchDirectories.create("coral-bench");
    System.out.printf(
        Locale.ROOT,
        "Coral ledger benchmark: %d accounts, %d s per measurement after %d s warm-up,"
            + " engine workers %d, batch wait %d us, %d cores, Java %s. %s%n",
        ACCOUNTS,
        seconds,
        warmup,
        workers,
        waitMicros,
        Runtime.getRuntime().availableProcessors(),
        Runtime.version(),
        KernelScheduling.describe());
    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory.resolve("pg"))) {
      Flyway.configure()
          .dataSource(postgres.jdbcUrl(), null, null)
          .locations("classpath:db/migration")
          .load()
          .migrate();
      long[] ids = createAccounts(postgres.jdbcUrl());
      LedgerBenchmark benchmark = new LedgerBenchmark(postgres.jdbcUrl(), ids[0], ids[1]);
      EngineSettings settings =
          new EngineSettings(1000, Duration.ofNanos(waitMicros * 1000L), workers);
      try (LedgerEngine engine =
          new LedgerEngine(benchmark.engineDataSource, Clock.systemUTC(), settings)) {
        benchmark.run(
            engine,
            callerCounts,
            seconds,
            warmup,
            !"engine".equals(stringArgument(arguments, "ways", "both")));
      } finally {
        benchmark.engineDataSource.close();
        benchmark.naiveDataSource.close();
      }
    }
  }

  private void run(Ledger engine, int[] callerCounts, int seconds, int warmup, boolean naiveToo)
      throws Exception {
    System.out.printf(
        Locale.ROOT,
        "%-8s %-8s %8s %12s %10s %10s%n",
        "way",
        "workload",
        "callers",
        "transfers/s",
        "p50 ms",
        "p99 ms");
    List<String> ratios = new ArrayList<>();
    for (int callers : callerCounts) {
      Result engineUniform = measure(callers, seconds, warmup, false, engine::submit);
      Result engineHot = measure(callers, seconds, warmup, true, engine::submit);
      Result naiveUniform =
          naiveToo ? measure(callers, seconds, warmup, false, this::naive) : new Result(1, 0, 0);
      Result naiveHot =
          naiveToo ? measure(callers, seconds, warmup, true, this::naive) : new Result(1, 0, 0);
      print("engine", "uniform", callers, engineUniform);
      print("engine", "hot", callers, engineHot);
      print("naive", "uniform", callers, naiveUniform);
      print("naive", "hot", callers, naiveHot);
      ratios.add(
          String.format(
              Locale.ROOT,
              "%4d callers: engine/naive uniform %5.1fx, engine/naive hot %5.1fx,"
                  + " engine hot/uniform %4.2f, naive hot/uniform %4.2f",
              callers,
              engineUniform.perSecond() / naiveUniform.perSecond(),
              engineHot.perSecond() / naiveHot.perSecond(),
              engineHot.perSecond() / engineUniform.perSecond(),
              naiveHot.perSecond() / naiveUniform.perSecond()));
    }
    System.out.println();
    ratios.forEach(System.out::println);
    reads();
  }

  /**
   * Reads on the hot account, which by now has hundreds of thousands of postings: a statement's
   * first page, a page from the middle of its history, and its balance at a past instant.
   */
  private void reads() {
    JdbcClient jdbc = JdbcClient.create(engineDataSource);
    LedgerReader reader = new LedgerReader(jdbc);
    long postings =
        jdbc.sql("select count(*) from ledger_postings where account_id = :id")
            .param("id", hotAccountId)
            .query(Long.class)
            .single();
    PostingPage.Cursor middle =
        jdbc.sql(
                "select posted_at, id from ledger_postings where account_id = :id"
                    + " order by posted_at desc, id desc offset :half limit 1")
            .param("id", hotAccountId)
            .param("half", postings / 2)
            .query(
                (row, number) ->
                    new PostingPage.Cursor(
                        row.getObject(1, OffsetDateTime.class).toInstant(), row.getLong(2)))
            .single();
    Instant from = Instant.EPOCH;
    Instant to = Instant.now().plusSeconds(60);
    System.out.printf(Locale.ROOT, "%nReads on the hot account with %d postings:%n", postings);
    time(
        "first page of 100, newest first",
        () -> reader.postings(hotAccountId, from, to, PostingPage.Order.NEWEST_FIRST, null, 100));
    time(
        "page of 100 from the middle of its history",
        () -> reader.postings(hotAccountId, from, to, PostingPage.Order.NEWEST_FIRST, middle, 100));
    time(
        "posted balance at a past instant",
        () -> reader.postedBalanceAt(hotAccountId, middle.postedAt()));
  }

  private static void time(String what, Runnable read) {
    long[] latencies = new long[300];
    for (int index = 0; index < latencies.length; index++) {
      long started = System.nanoTime();
      read.run();
      latencies[index] = System.nanoTime() - started;
    }
    System.out.printf(
        Locale.ROOT,
        "  %-45s p50 %6.2f ms  p99 %6.2f ms%n",
        what,
        percentileMillis(latencies, 0.50),
        percentileMillis(latencies, 0.99));
  }

  /** The latency at {@code fraction} of the sorted nanosecond figures, in milliseconds. */
  private static double percentileMillis(long[] nanoseconds, double fraction) {
    if (nanoseconds.length == 0) {
      return 0;
    }
    long[] sorted = nanoseconds.clone();
    Arrays.sort(sorted);
    return sorted[(int) Math.min(sorted.length - 1, sorted.length * fraction)] / 1e6;
  }

  private static void print(String way, String workload, int callers, Result result) {
    System.out.printf(
        Locale.ROOT,
        "%-8s %-8s %8d %12.0f %10.2f %10.2f%n",
        way,
        workload,
        callers,
        result.perSecond(),
        result.p50Millis(),
        result.p99Millis());
  }

  interface Submitter {
    List<TransferResult> submit(List<TransferRequest> transfers);
  }

  record Result(double perSecond, double p50Millis, double p99Millis) {}

  /** The naive way's closed-loop rate with {@code callers} callers, uniform or hot. */
  Result measureNaive(int callers, int seconds, int warmup, boolean hot) throws Exception {
    return measure(callers, seconds, warmup, hot, this::naive);
  }

  @Override
  public void close() {
    engineDataSource.close();
    naiveDataSource.close();
  }

  private Result measure(int callers, int seconds, int warmup, boolean hot, Submitter submitter)
      throws Exception {
    AtomicLong sequence = new AtomicLong();
    long warmupEnd = System.nanoTime() + warmup * 1_000_000_000L;
    long end = warmupEnd + seconds * 1_000_000_000L;
    List<Future<long[]>> futures = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int caller = 0; caller < callers; caller++) {
        futures.add(
            threads.submit(
                () -> {
                  long[] latencies = new long[1 << 16];
                  int count = 0;
                  ThreadLocalRandom random = ThreadLocalRandom.current();
                  String prefix = "bench-" + System.nanoTime() + "-";
                  while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                      break;
                    }
                    long debit = firstAccountId + random.nextInt(accountCount);
                    long credit =
                        hot ? hotAccountId : firstAccountId + random.nextInt(accountCount);
                    if (debit == credit) {
                      continue;
                    }
                    if (hot && random.nextBoolean()) {
                      long swap = debit;
                      debit = credit;
                      credit = swap;
                    }
                    TransferRequest request =
                        TransferRequest.of(
                            new TransferCommand.Posting(
                                prefix + sequence.incrementAndGet(),
                                debit,
                                credit,
                                "USD",
                                1 + random.nextInt(10_000),
                                false));
                    long started = System.nanoTime();
                    List<TransferResult> result = submitter.submit(List.of(request));
                    long finished = System.nanoTime();
                    if (!(result.getFirst() instanceof TransferResult.Applied)) {
                      throw new IllegalStateException("Benchmark transfer refused: " + result);
                    }
                    if (started >= warmupEnd) {
                      if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                      }
                      latencies[count++] = finished - started;
                    }
                  }
                  return Arrays.copyOf(latencies, count);
                }));
      }
    }
    long total = 0;
    List<long[]> all = new ArrayList<>();
    for (Future<long[]> future : futures) {
      long[] latencies = future.get();
      total += latencies.length;
      all.add(latencies);
    }
    long[] merged = new long[(int) total];
    int position = 0;
    for (long[] latencies : all) {
      System.arraycopy(latencies, 0, merged, position, latencies.length);
      position += latencies.length;
    }
    return new Result(
        total / (double) seconds, percentileMillis(merged, 0.50), percentileMillis(merged, 0.99));
  }

  /**
   * The naive way: one database transaction per transfer that locks both balance rows, updates
   * them, and inserts the transaction, the transfer and its two postings.
   */
  private List<TransferResult> naive(List<TransferRequest> transfers) {
    TransferCommand.Posting posting = (TransferCommand.Posting) transfers.getFirst().command();
    String transactionId = "FT" + naiveTransactionNumber();
    try (Connection connection = naiveDataSource.getConnection()) {
      connection.setAutoCommit(false);
      long first = Math.min(posting.debitAccountId(), posting.creditAccountId());
      long second = Math.max(posting.debitAccountId(), posting.creditAccountId());
      try (PreparedStatement lock =
          connection.prepareStatement(
              "select account_id, posted from ledger_accounts where account_id in (?, ?)"
                  + " order by account_id for update")) {
        lock.setLong(1, first);
        lock.setLong(2, second);
        try (ResultSet rows = lock.executeQuery()) {
          while (rows.next()) {
            // The rows are locked; their balances are checked by the update's constraint.
          }
        }
      }
      OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
      long debitAfter = update(connection, posting.debitAccountId(), -posting.amount());
      long creditAfter = update(connection, posting.creditAccountId(), posting.amount());
      try (PreparedStatement transaction =
          connection.prepareStatement(
              "insert into ledger_transactions (id, created_at) values (?, ?)")) {
        transaction.setString(1, transactionId);
        transaction.setObject(2, now);
        transaction.executeUpdate();
      }
      try (PreparedStatement transfer =
          connection.prepareStatement(
              "insert into ledger_transfers (transfer_id, transaction_id, type, debit_account_id,"
                  + " credit_account_id, asset_code, amount, requested_amount, created_at)"
                  + " values (?, ?, 'POSTING', ?, ?, 'USD', ?, ?, ?)")) {
        transfer.setString(1, posting.transferId());
        transfer.setString(2, transactionId);
        transfer.setLong(3, posting.debitAccountId());
        transfer.setLong(4, posting.creditAccountId());
        transfer.setLong(5, posting.amount());
        transfer.setLong(6, posting.amount());
        transfer.setObject(7, now);
        transfer.executeUpdate();
      }
      try (PreparedStatement legs =
          connection.prepareStatement(
              "insert into ledger_postings (transaction_id, transfer_id, account_id,"
                  + " counterparty_account_id, amount, balance_after, posted_at)"
                  + " values (?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?)")) {
        int index = 1;
        for (long[] leg :
            new long[][] {
              {posting.debitAccountId(), posting.creditAccountId(), -posting.amount(), debitAfter},
              {posting.creditAccountId(), posting.debitAccountId(), posting.amount(), creditAfter}
            }) {
          legs.setString(index++, transactionId);
          legs.setString(index++, posting.transferId());
          legs.setLong(index++, leg[0]);
          legs.setLong(index++, leg[1]);
          legs.setLong(index++, leg[2]);
          legs.setLong(index++, leg[3]);
          legs.setObject(index++, now);
        }
        legs.executeUpdate();
      }
      connection.commit();
      return List.of(new TransferResult.Applied(posting.transferId(), transactionId));
    } catch (SQLException failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static final AtomicLong naiveNumbers = new AtomicLong();

  /** Nine characters after "FT", matching the id format, unique within the run. */
  private static String naiveTransactionNumber() {
    long number = naiveNumbers.incrementAndGet();
    String base36 = Long.toString(number, 36).toUpperCase(Locale.ROOT);
    return "99"
        + String.format("%03d", number / 60_466_176L % 1000)
        + ("00000" + base36).substring(base36.length());
  }

  private static long update(Connection connection, long accountId, long amount)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "update ledger_accounts set posted = posted + ?, version = version + 1"
                + " where account_id = ? returning posted")) {
      update.setLong(1, amount);
      update.setLong(2, accountId);
      try (ResultSet row = update.executeQuery()) {
        row.next();
        return row.getLong(1);
      }
    }
  }

  /** Opens 100,000 funded customer accounts and one hot bank-side account; returns their ids. */
  private static long[] createAccounts(String jdbcUrl) throws SQLException {
    try (HikariDataSource setup = pool(jdbcUrl, 1);
        Connection connection = setup.getConnection()) {
      try (var statement = connection.createStatement()) {
        statement.execute(
            "insert into customers (id, name, type, created_at) values"
                + " ('00000000-0000-0000-0000-0000000000be', 'Benchmark', 'CORPORATE', now())");
        statement.execute(
            "insert into accounts (account_number, customer_id, currency, kind, status, created_at)"
                + " select (1000000000 + n)::text, '00000000-0000-0000-0000-0000000000be', 'USD',"
                + " 'CURRENT', 'ACTIVE', now() from generate_series(1, "
                + ACCOUNTS
                + ") n");
        statement.execute(
            "insert into accounts (account_number, currency, kind, rail, status, created_at)"
                + " values ('1999999999', 'USD', 'CLEARING', 'SWIFT', 'ACTIVE', now())");
        statement.execute(
            "insert into ledger_accounts (account_id, asset_code, bank_side, posted)"
                + " select id, 'USD', kind = 'CLEARING', case when kind = 'CLEARING' then 0 else "
                + OPENING_BALANCE
                + " end from accounts");
        statement.execute("vacuum analyze");
      }
      try (var statement = connection.createStatement();
          ResultSet ids =
              statement.executeQuery(
                  "select min(id) filter (where kind = 'CURRENT'),"
                      + " min(id) filter (where kind = 'CLEARING') from accounts")) {
        ids.next();
        return new long[] {ids.getLong(1), ids.getLong(2)};
      }
    }
  }

  private static HikariDataSource pool(String jdbcUrl, int size) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(jdbcUrl);
    pool.setMaximumPoolSize(size);
    // The same session settings the server gives its engine, for both ways alike.
    pool.addDataSourceProperty("options", LedgerEngine.SESSION_OPTIONS);
    return pool;
  }
}
