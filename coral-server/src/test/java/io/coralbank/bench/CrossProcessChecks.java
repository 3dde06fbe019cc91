package io.coralbank.bench;

import static io.coralbank.bench.NodeHttp.JSON;
import static io.coralbank.bench.NodeHttp.admin;
import static io.coralbank.bench.NodeHttp.get;
import static io.coralbank.bench.NodeHttp.post;
import static java.nio.charset.StandardCharsets.UTF_8;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * The multi-node test's checks of what the processes share beyond the books: the one webhook outbox
 * (each delivery sent once, by whichever process leases it) and the one rate-limit counter. Each
 * check answers the problems it found, none when it held.
 */
final class CrossProcessChecks {

  private static final int DEPOSITS = 60;
  private static final int RATE_LIMITED_READS = 200;

  private CrossProcessChecks() {}

  /**
   * Subscribes to Deposits notifications, makes {@link #DEPOSITS} deposits round-robin over the
   * three processes and checks that the receiver got each one exactly once, correctly signed, after
   * waiting long enough for any duplicate to arrive.
   */
  static List<String> notifiedOnce(int basePort, String token, JsonNode credentials, String account)
      throws Exception {
    Map<String, Integer> received = new ConcurrentHashMap<>();
    AtomicInteger badSignatures = new AtomicInteger();
    byte[] signingSecret =
        Base64.getDecoder().decode(credentials.path("messageSigningSecret").asString());
    HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    receiver.createContext(
        "/deposits",
        exchange -> {
          String body = new String(exchange.getRequestBody().readAllBytes(), UTF_8);
          String signed =
              exchange.getRequestHeaders().getFirst("Bcb-Timestamp")
                  + exchange.getRequestHeaders().getFirst("Bcb-Nonce")
                  + "POST"
                  + exchange.getRequestURI().getPath()
                  + body;
          if (!hmac(signingSecret, signed)
              .equals(exchange.getRequestHeaders().getFirst("Bcb-Signature"))) {
            badSignatures.incrementAndGet();
          }
          received.merge(JSON.readTree(body).path("transactionId").asString(), 1, Integer::sum);
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    List<String> problems = new ArrayList<>();
    try {
      HttpResponse<String> subscribed =
          post(
              basePort,
              token,
              "/bcb/v1/notifications/subscriptions",
              "{\"url\": \"http://127.0.0.1:"
                  + receiver.getAddress().getPort()
                  + "/deposits\", \"topic\": \"Deposits\"}");
      if (subscribed.statusCode() != 201) {
        return List.of("subscribing to Deposits answered " + subscribed.statusCode());
      }
      List<String> deposits = new ArrayList<>();
      for (int index = 0; index < DEPOSITS; index++) {
        HttpResponse<String> deposit =
            post(
                basePort + index % 3,
                token,
                "/bcb/v1/testing/deposits",
                "{\"accountNumber\": \""
                    + account
                    + "\", \"amount\": \"1.00\", \"reference\": \"Deposit "
                    + index
                    + "\"}");
        if (deposit.statusCode() != 201) {
          problems.add("deposit " + index + " answered " + deposit.statusCode());
          continue;
        }
        deposits.add(JSON.readTree(deposit.body()).path("transactionId").asString());
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (received.size() < deposits.size() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      // Every process polls the outbox every second: three seconds more lets a duplicate arrive.
      Thread.sleep(3000);
      long duplicated = received.values().stream().filter(count -> count > 1).count();
      long missing = deposits.stream().filter(id -> !received.containsKey(id)).count();
      long unknown = received.keySet().stream().filter(id -> !deposits.contains(id)).count();
      System.out.printf(
          "deposits on three processes: %d made, %d notified, %d notified twice or more, %d"
              + " missing, %d badly signed%n",
          deposits.size(), received.size(), duplicated, missing, badSignatures.get());
      if (duplicated > 0 || missing > 0 || unknown > 0 || badSignatures.get() > 0) {
        problems.add(
            "notifications: "
                + duplicated
                + " duplicated, "
                + missing
                + " missing, "
                + unknown
                + " never made, "
                + badSignatures.get()
                + " badly signed");
      }
    } finally {
      receiver.stop(0);
    }
    return problems;
  }

  /**
   * Sends {@link #RATE_LIMITED_READS} Cayman reads with one key from eight callers round-robin over
   * the three processes, within one fixed window, and checks that exactly the documented 120 were
   * admitted: the processes lease from one counter in the database, so together they admit no more
   * than the limit, and since every process keeps receiving requests past the limit, none is left
   * holding an unspent lease.
   */
  static List<String> rateLimitedAcrossProcesses(int basePort, String customer) throws Exception {
    String key =
        JSON.readTree(
                admin(
                        basePort,
                        "POST",
                        "/admin/v1/customers/" + customer + "/credentials",
                        "{\"dialect\": \"cayman\"}")
                    .body())
            .path("apiKey")
            .asString();
    // Cayman's windows are whole minutes: start in a fresh one so all the reads fall in it.
    long intoMinute = System.currentTimeMillis() % 60_000;
    if (intoMinute > 45_000) {
      Thread.sleep(60_000 - intoMinute + 500);
    }
    AtomicInteger admitted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long startedIn = System.currentTimeMillis() / 60_000;
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int caller = 0; caller < 8; caller++) {
        callers.submit(
            () -> {
              int request;
              while ((request = next.getAndIncrement()) < RATE_LIMITED_READS) {
                HttpResponse<String> answer =
                    get(basePort + request % 3, key, "/cayman/v1/wallets");
                switch (answer.statusCode()) {
                  case 200 -> admitted.incrementAndGet();
                  case 429 -> refused.incrementAndGet();
                  default -> other.incrementAndGet();
                }
              }
              return null;
            });
      }
    }
    boolean oneWindow = System.currentTimeMillis() / 60_000 == startedIn;
    System.out.printf(
        "one Cayman key on three processes: %d reads, %d admitted, %d refused (limit 120 a"
            + " minute)%s%n",
        RATE_LIMITED_READS,
        admitted.get(),
        refused.get(),
        oneWindow ? "" : "; the reads crossed a minute, so two windows counted");
    if (other.get() > 0 || (oneWindow ? admitted.get() != 120 : admitted.get() > 240)) {
      return List.of(
          "rate limit across processes: "
              + admitted.get()
              + " admitted, "
              + refused.get()
              + " refused, "
              + other.get()
              + " other answers");
    }
    return List.of();
  }

  private static String hmac(byte[] secret, String signed) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(UTF_8)));
    } catch (GeneralSecurityException unavailable) {
      throw new IllegalStateException("Every JDK has HMAC-SHA256", unavailable);
    }
  }
}
