package io.coralbank.bench;

import static io.coralbank.bench.CommandLine.intArgument;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kills a running Coral with SIGKILL while it moves money, and checks its books afterwards. Each
 * round starts the server (the built jar, on one data directory kept across rounds), drives BCB
 * internal transfers with idempotency keys from many callers, kills the server and its PostgreSQL
 * at a random moment (as a power cut would), restarts it, retries every request that got no answer
 * with the same key, and verifies: every acknowledged transfer exists exactly once, no transfer
 * exists that was never sent, every balance equals what the transfers imply, and {@code GET
 * /admin/v1/ledger/check} is ok. Arguments: {@code --rounds=N} (default 10), {@code --callers=N}
 * (default 16), {@code --accounts=N} (default 20).
 */
public final class CrashTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final long FUNDING = 1_000_000_00L;

  private final Path data;
  private final int port;
  private Process server;

  private CrashTest(Path data, int port) {
    this.data = data;
    this.port = port;
  }

  /** One transfer the test sent: its key, body and amount, and whether the server answered. */
  record Sent(String key, String body, String from, String to, long amount, boolean answered) {}

  public static void main(String[] arguments) throws Exception {
    int rounds = intArgument(arguments, "rounds", 10);
    int callers = intArgument(arguments, "callers", 16);
    int accountCount = intArgument(arguments, "accounts", 20);
    CrashTest test =
        new CrashTest(
            ScratchDirectories.create("coral-crash"),
            20000 + ThreadLocalRandom.current().nextInt(10000));
    System.out.printf(
        Locale.ROOT,
        "Coral crash test: %d rounds, %d callers, %d accounts, data in %s%n",
        rounds,
        callers,
        accountCount,
        test.data);
    test.start();
    String token = test.setUp(accountCount);
    List<String> accounts = test.accountNumbers();
    List<Sent> all = new ArrayList<>();
    boolean allPassed = true;
    for (int round = 1; round <= rounds; round++) {
      List<Sent> sent = test.driveAndKill(token, accounts, callers);
      test.start();
      token = test.login();
      int retried = 0;
      List<Sent> settled = new ArrayList<>();
      for (Sent transfer : sent) {
        if (transfer.answered()) {
          settled.add(transfer);
        } else {
          retried++;
          settled.add(test.retry(token, transfer));
        }
      }
      all.addAll(settled);
      String verdict = test.verify(token, accounts, all);
      allPassed &= verdict.equals("ok");
      System.out.printf(
          Locale.ROOT,
          "round %2d: %5d sent, %4d unanswered and retried, books: %s%n",
          round,
          sent.size(),
          retried,
          verdict);
    }
    test.stop();
    if (!allPassed) {
      ScratchDirectories.keep(test.data);
    }
    System.out.println(allPassed ? "VERDICT: every round kept the books" : "VERDICT: FAILED");
    System.exit(allPassed ? 0 : 1);
  }

  private void start() throws Exception {
    server =
        ServerProcess.start(
            List.of(),
            List.of(
                "--coral.database.embedded-directory=" + data.resolve("pg"),
                "--coral.rate-limits.dialects.bcb.requests=2000000000",
                "--logging.level.root=INFO"),
            port,
            data.resolve("server-" + (++starts) + ".log"));
  }

  /**
   * SIGKILL for the server and everything it started: a power cut. The embedded PostgreSQL is
   * started through {@code pg_ctl}, which detaches it from the server's process tree, so its
   * postmaster is found by the PID it writes into its data directory.
   */
  private void kill() throws Exception {
    List<ProcessHandle> tree = new ArrayList<>(server.descendants().toList());
    Path postmaster = data.resolve("pg").resolve("postmaster.pid");
    if (Files.exists(postmaster)) {
      long pid = Long.parseLong(Files.readAllLines(postmaster).getFirst().trim());
      ProcessHandle.of(pid).ifPresent(tree::add);
    }
    server.destroyForcibly();
    tree.forEach(ProcessHandle::destroyForcibly);
    server.waitFor();
    for (ProcessHandle process : tree) {
      process.onExit().join();
    }
  }

  private void stop() throws InterruptedException {
    server.destroy();
    server.waitFor();
  }

  /** The server's log, kept per start so a failed restart can be read. */
  private int starts;

  private String setUp(int accountCount) throws Exception {
    String customer =
        JSON.readTree(
                admin(
                        "POST",
                        "/admin/v1/customers",
                        "{\"name\": \"Crash Test Ltd\", \"type\": \"CORPORATE\"}")
                    .body())
            .path("id")
            .asString();
    Files.writeString(data.resolve("customer"), customer);
    for (int index = 0; index < accountCount; index++) {
      String number =
          JSON.readTree(
                  admin(
                          "POST",
                          "/admin/v1/customers/" + customer + "/accounts",
                          "{\"currency\": \"USD\", \"kind\": \"CURRENT\"}")
                      .body())
              .path("accountNumber")
              .asString();
      admin("POST", "/admin/v1/accounts/" + number + "/credits", "{\"amount\": \"1000000.00\"}");
    }
    JsonNode credentials =
        JSON.readTree(
            admin(
                    "POST",
                    "/admin/v1/customers/" + customer + "/credentials",
                    "{\"dialect\": \"bcb\"}")
                .body());
    Files.writeString(
        data.resolve("client"),
        credentials.path("clientId").asString()
            + "\n"
            + credentials.path("clientSecret").asString());
    return login();
  }

  private String login() throws Exception {
    String[] client = Files.readString(data.resolve("client")).split("\n");
    return NodeHttp.login(port, client[0], client[1]);
  }

  private List<String> accountNumbers() throws Exception {
    String customer = Files.readString(data.resolve("customer"));
    List<String> numbers = new ArrayList<>();
    // The admin API has no list of a customer's accounts; BCB's does, with the customer's token.
    for (JsonNode account :
        JSON.readTree(get("/bcb/v1/accounts?pageSize=1000", login()).body()).path("data")) {
      numbers.add(account.path("number").asString());
    }
    if (numbers.isEmpty()) {
      throw new IllegalStateException("No accounts for " + customer);
    }
    return numbers;
  }

  private List<Sent> driveAndKill(String token, List<String> accounts, int callers)
      throws Exception {
    ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    AtomicBoolean killed = new AtomicBoolean();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int caller = 0; caller < callers; caller++) {
        threads.submit(
            () -> {
              ThreadLocalRandom random = ThreadLocalRandom.current();
              while (!killed.get()) {
                String from = accounts.get(random.nextInt(accounts.size()));
                String to = accounts.get(random.nextInt(accounts.size()));
                if (from.equals(to)) {
                  continue;
                }
                long amount = 1 + random.nextInt(10_000);
                String body = CrashTestBodies.transfer(from, to, amount);
                String key = UUID.randomUUID().toString();
                boolean answered;
                try {
                  answered = transfer(token, key, body).statusCode() == 200;
                } catch (IOException | InterruptedException noAnswer) {
                  answered = false;
                }
                sent.add(new Sent(key, body, from, to, amount, answered));
              }
              return null;
            });
      }
      Thread.sleep(1000 + ThreadLocalRandom.current().nextInt(2000));
      killed.set(true);
      kill();
    }
    return List.copyOf(sent);
  }

  private Sent retry(String token, Sent transfer) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        HttpResponse<String> response = transfer(token, transfer.key(), transfer.body());
        if (response.statusCode() == 200) {
          return new Sent(
              transfer.key(),
              transfer.body(),
              transfer.from(),
              transfer.to(),
              transfer.amount(),
              true);
        }
        if (response.statusCode() == 409) {
          Thread.sleep(500); // the first attempt is still running somewhere: wait for it
          continue;
        }
        throw new IllegalStateException(
            "Retry refused: " + response.statusCode() + " " + response.body());
      } catch (IOException notYet) {
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("Retry never answered: " + transfer.key());
  }

  /** "ok", or what is wrong with the books. */
  private String verify(String token, List<String> accounts, List<Sent> transfers)
      throws Exception {
    Map<String, Long> expected = new HashMap<>();
    Map<String, Integer> lines = new HashMap<>();
    for (String account : accounts) {
      expected.put(account, FUNDING);
      lines.put(account, 1);
    }
    for (Sent transfer : transfers) {
      expected.merge(transfer.from(), -transfer.amount(), Long::sum);
      expected.merge(transfer.to(), transfer.amount(), Long::sum);
      lines.merge(transfer.from(), 1, Integer::sum);
      lines.merge(transfer.to(), 1, Integer::sum);
    }
    List<String> problems = new ArrayList<>();
    for (String account : accounts) {
      JsonNode details = JSON.readTree(admin("GET", "/admin/v1/accounts/" + account, null).body());
      long posted = cents(details.path("balance").path("posted").asString());
      if (posted != expected.get(account)) {
        problems.add(account + " posted " + posted + " expected " + expected.get(account));
      }
      long statement =
          JSON.readTree(
                  get(
                          "/bcb/v1/accounts/"
                              + account
                              + "/transactions?fromDate="
                              + java.time.LocalDate.now().minusDays(30)
                              + "&toDate="
                              + java.time.LocalDate.now().plusDays(1)
                              + "&pageSize=1",
                          token)
                      .body())
              .path("meta")
              .path("pagination")
              .path("total_size")
              .asLong();
      if (statement != lines.get(account)) {
        problems.add(account + " has " + statement + " postings, expected " + lines.get(account));
      }
    }
    JsonNode check = JSON.readTree(admin("GET", "/admin/v1/ledger/check", null).body());
    if (!check.path("ok").asBoolean()) {
      problems.add("ledger check: " + check.path("violations"));
    }
    return problems.isEmpty()
        ? "ok"
        : String.join("; ", problems.subList(0, Math.min(5, problems.size())));
  }

  private static long cents(String amount) {
    return new java.math.BigDecimal(amount).movePointRight(2).longValueExact();
  }

  private HttpResponse<String> transfer(String token, String key, String body)
      throws IOException, InterruptedException {
    return NodeHttp.transfer(port, token, key, body);
  }

  private HttpResponse<String> admin(String method, String path, String body) throws Exception {
    return NodeHttp.admin(port, method, path, body);
  }

  private HttpResponse<String> get(String path, String token)
      throws IOException, InterruptedException {
    return NodeHttp.get(port, token, path);
  }
}
