package io.coralbank.bench;

import static io.coralbank.bench.NodeHttp.HTTP;
import static io.coralbank.bench.NodeHttp.JSON;
import static io.coralbank.bench.NodeHttp.admin;
import static io.coralbank.bench.NodeHttp.get;
import static io.coralbank.bench.NodeHttp.login;
import static io.coralbank.bench.NodeHttp.newBcbClient;
import static io.coralbank.bench.NodeHttp.post;
import static io.coralbank.bench.NodeHttp.transfer;

import com.sun.net.httpserver.HttpServer;
import io.coralbank.platform.database.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;

/**
 * Three Coral processes on one PostgreSQL behind a round-robin client: transfers flow while one
 * process is killed with SIGKILL and later restarted; unanswered requests are retried on another
 * process with the same key. Verifies the books as the crash test does, and that the same
 * Idempotency-Key sent to two processes at once has one effect, and that a background job run by
 * all three processes opens each account once and calls back once, that a client disabled through
 * one process is refused by the other two (each keeps the clients it authenticates in memory, and
 * hears of the change from the database), that deposits made through all three are each notified
 * once, correctly signed, and that one key's rate limit counts its requests across the three
 * processes together.
 */
public final class MultiNodeTest {

  record Sent(String key, String body, String from, String to, long amount, boolean answered) {}

  public static void main(String[] arguments) throws Exception {
    CommandLine.quietLibraryLogs();
    Path directory = ScratchDirectories.create("coral-nodes");
    List<String> problems = new ArrayList<>();
    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory.resolve("pg"))) {
      int basePort = 21000 + ThreadLocalRandom.current().nextInt(5000);
      Process[] nodes = new Process[3];
      for (int index = 0; index < 3; index++) {
        nodes[index] = start(postgres.jdbcUrl(), basePort + index, directory, index, 0);
      }
      System.out.println(
          "Coral multi-node test: 3 processes on one PostgreSQL, ports "
              + basePort
              + "-"
              + (basePort + 2));
      String customer =
          JSON.readTree(
                  admin(
                          basePort,
                          "POST",
                          "/admin/v1/customers",
                          "{\"name\": \"Nodes Ltd\", \"type\": \"CORPORATE\"}")
                      .body())
              .path("id")
              .asString();
      List<String> accounts = new ArrayList<>();
      for (int index = 0; index < 10; index++) {
        String number =
            JSON.readTree(
                    admin(
                            basePort,
                            "POST",
                            "/admin/v1/customers/" + customer + "/accounts",
                            "{\"currency\": \"USD\", \"kind\": \"CURRENT\"}")
                        .body())
                .path("accountNumber")
                .asString();
        admin(
            basePort,
            "POST",
            "/admin/v1/accounts/" + number + "/credits",
            "{\"amount\": \"1000000.00\"}");
        accounts.add(number);
      }
      admin(
          basePort,
          "POST",
          "/admin/v1/customers/" + customer + "/accounts",
          "{\"currency\": \"USD\", \"kind\": \"SETTLEMENT\"}");
      admin(
          basePort,
          "POST",
          "/admin/v1/customers/" + customer + "/accounts",
          "{\"currency\": \"USD\", \"kind\": \"PARENT\"}");
      JsonNode credentials = newBcbClient(basePort, customer);
      String token = login(basePort, credentials);

      // 1. Round-robin transfers; node 2 is killed after a second and restarted after three.
      ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
      AtomicInteger next = new AtomicInteger();
      long end = System.nanoTime() + Duration.ofSeconds(6).toNanos();
      try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
        for (int caller = 0; caller < 12; caller++) {
          callers.submit(
              () -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                  String from = accounts.get(random.nextInt(accounts.size()));
                  String to = accounts.get(random.nextInt(accounts.size()));
                  if (from.equals(to)) {
                    continue;
                  }
                  long amount = 1 + random.nextInt(10_000);
                  String body = CrashTestBodies.transfer(from, to, amount);
                  String key = UUID.randomUUID().toString();
                  int port = basePort + Math.floorMod(next.getAndIncrement(), 3);
                  boolean answered;
                  try {
                    answered = transfer(port, token, key, body).statusCode() == 200;
                  } catch (IOException | InterruptedException noAnswer) {
                    answered = false;
                  }
                  sent.add(new Sent(key, body, from, to, amount, answered));
                }
                return null;
              });
        }
        Thread.sleep(1000);
        nodes[1].destroyForcibly();
        nodes[1].waitFor();
        Thread.sleep(2000);
        nodes[1] = start(postgres.jdbcUrl(), basePort + 1, directory, 1, 1);
      }
      List<Sent> settled = new ArrayList<>();
      int retried = 0;
      for (Sent transfer : sent) {
        if (transfer.answered()) {
          settled.add(transfer);
          continue;
        }
        retried++;
        HttpResponse<String> retry = transfer(basePort, token, transfer.key(), transfer.body());
        if (retry.statusCode() != 200) {
          problems.add("retry of " + transfer.key() + " answered " + retry.statusCode());
        }
        settled.add(transfer);
      }
      System.out.printf(
          "transfers: %d sent round-robin, %d unanswered (node killed) and retried%n",
          sent.size(), retried);
      problems.addAll(books(basePort, token, accounts, settled));

      // 2. One key, two processes, at once: one effect.
      String from = accounts.get(0);
      String to = accounts.get(1);
      long before = posted(basePort, from);
      int duplicates = 0;
      for (int attempt = 0; attempt < 20; attempt++) {
        String key = UUID.randomUUID().toString();
        String body = CrashTestBodies.transfer(from, to, 100);
        try (ExecutorService pair = Executors.newVirtualThreadPerTaskExecutor()) {
          Future<HttpResponse<String>> first =
              pair.submit(() -> transfer(basePort, token, key, body));
          Future<HttpResponse<String>> second =
              pair.submit(() -> transfer(basePort + 2, token, key, body));
          first.get();
          second.get();
        }
        duplicates++;
      }
      long moved = before - posted(basePort, from);
      System.out.printf(
          "same key on two processes at once: %d pairs, %d.%02d moved (expected %d.00)%n",
          duplicates, moved / 100, moved % 100, duplicates);
      if (moved != duplicates * 100L) {
        problems.add(
            "a key sent to two processes moved " + moved + " instead of " + duplicates * 100);
      }

      // 3. A background job worked by three processes: each item once, one callback.
      HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      AtomicInteger callbacks = new AtomicInteger();
      receiver.createContext(
          "/jobs",
          exchange -> {
            callbacks.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
          });
      receiver.start();
      StringBuilder items = new StringBuilder();
      for (int index = 0; index < 300; index++) {
        items
            .append(index == 0 ? "" : ",")
            .append("{\"currency\": \"USD\", \"accountHolderName\": \"H")
            .append(index)
            .append("\", \"accountName\": \"H")
            .append(index)
            .append("\"}");
      }
      String job =
          JSON.readTree(
                  post(
                          basePort,
                          token,
                          "/bcb/v1/virtual-accounts",
                          "{\"items\": ["
                              + items
                              + "], \"callbackUrl\": \"http://127.0.0.1:"
                              + receiver.getAddress().getPort()
                              + "/jobs\"}")
                      .body())
              .path("jobId")
              .asString();
      JsonNode status = null;
      for (int wait = 0; wait < 600; wait++) {
        status = JSON.readTree(get(basePort + (wait % 3), token, "/bcb/v1/jobs/" + job).body());
        if (status.path("status").asString().startsWith("Completed")) {
          break;
        }
        Thread.sleep(100);
      }
      Thread.sleep(3000);
      long subs =
          JSON.readTree(
                      get(basePort, token, "/bcb/v1/virtual-accounts?currency=USD&pageSize=1")
                          .body())
                  .path("meta")
                  .path("pagination")
                  .path("total_size")
                  .asLong()
              - 2;
      System.out.printf(
          "job of 300 items on three processes: %s, %d Sub accounts opened, %d callbacks%n",
          status.path("status").asString(), subs, callbacks.get());
      if (subs != 300
          || callbacks.get() != 1
          || !status.path("status").asString().equals("Completed")) {
        problems.add(
            "job: " + status + ", " + subs + " accounts, " + callbacks.get() + " callbacks");
      }
      receiver.stop(0);

      // 4. A client disabled on one process is refused by the others: each remembers the clients
      // it authenticates and must hear of the change from the database.
      JsonNode doomed = newBcbClient(basePort, customer);
      String doomedToken = login(basePort, doomed);
      for (int index = 0; index < 3; index++) {
        get(basePort + index, doomedToken, "/bcb/v1/accounts");
      }
      HttpResponse<String> disabled =
          HTTP.send(
              HttpRequest.newBuilder(
                      URI.create(
                          "http://localhost:"
                              + basePort
                              + "/bcb/v1/credentials/"
                              + doomed.path("clientId").asString()))
                  .timeout(Duration.ofSeconds(30))
                  .header("Authorization", "Bearer " + token)
                  .DELETE()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      long disabledAt = System.nanoTime();
      List<String> refusals = new ArrayList<>();
      for (int index = 1; index < 3; index++) {
        long refusedAfter = -1;
        while (System.nanoTime() - disabledAt < Duration.ofSeconds(5).toNanos()) {
          if (get(basePort + index, doomedToken, "/bcb/v1/accounts").statusCode() == 401) {
            refusedAfter = (System.nanoTime() - disabledAt) / 1_000_000;
            break;
          }
        }
        refusals.add(refusedAfter < 0 ? "never" : refusedAfter + " ms");
        if (disabled.statusCode() != 200 || refusedAfter < 0) {
          problems.add(
              "client disabled on one process ("
                  + disabled.statusCode()
                  + ") still accepted by process "
                  + index);
        }
      }
      System.out.printf(
          "client disabled on one process: refused by the other two after %s%n",
          String.join(" and ", refusals));
      // 5. Deposits made through all three processes, each notified once: every process
      // delivers webhooks from the one outbox, and no two may send the same delivery.
      problems.addAll(
          CrossProcessChecks.notifiedOnce(basePort, token, credentials, accounts.get(2)));

      // 6. One rate limit across processes: a Cayman key's 120 reads a minute, spread over the
      // three processes, admit 120 requests, not 120 on each.
      problems.addAll(CrossProcessChecks.rateLimitedAcrossProcesses(basePort, customer));
      for (Process node : nodes) {
        node.destroy();
        node.waitFor();
      }
    }
    if (!problems.isEmpty()) {
      ScratchDirectories.keep(directory);
    }
    System.out.println(
        problems.isEmpty()
            ? "VERDICT: three processes kept the books"
            : "VERDICT: FAILED " + problems);
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  private static List<String> books(
      int port, String token, List<String> accounts, List<Sent> transfers) throws Exception {
    Map<String, Long> expected = new HashMap<>();
    accounts.forEach(account -> expected.put(account, 1_000_000_00L));
    for (Sent transfer : transfers) {
      expected.merge(transfer.from(), -transfer.amount(), Long::sum);
      expected.merge(transfer.to(), transfer.amount(), Long::sum);
    }
    List<String> problems = new ArrayList<>();
    for (String account : accounts) {
      if (posted(port, account) != expected.get(account)) {
        problems.add(
            account + " posted " + posted(port, account) + " expected " + expected.get(account));
      }
    }
    JsonNode check = JSON.readTree(admin(port, "GET", "/admin/v1/ledger/check", null).body());
    if (!check.path("ok").asBoolean()) {
      problems.add("ledger check: " + check.path("violations"));
    }
    System.out.println("books after the kill: " + (problems.isEmpty() ? "ok" : problems));
    return problems;
  }

  private static long posted(int port, String account) throws Exception {
    return new java.math.BigDecimal(
            JSON.readTree(admin(port, "GET", "/admin/v1/accounts/" + account, null).body())
                .path("balance")
                .path("posted")
                .asString())
        .movePointRight(2)
        .longValueExact();
  }

  private static Process start(String jdbcUrl, int port, Path directory, int node, int generation)
      throws Exception {
    return ServerProcess.start(
        List.of(),
        List.of(
            "--coral.database.url=" + jdbcUrl,
            "--coral.database.pool-size=10",
            "--coral.rate-limits.dialects.bcb.requests=2000000000",
            "--coral.jobs.poll-interval=100ms"),
        port,
        directory.resolve("node-" + node + "-" + generation + ".log"));
  }
}
