package io.coralbank.bench;

import static io.coralbank.bench.NodeHttp.HTTP;
import static io.coralbank.bench.NodeHttp.JSON;

import io.coralbank.platform.database.EmbeddedPostgresServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends every endpoint of the four APIs input that is wrong in every way a client gets it wrong,
 * and reports each answer that is a server error or not in the dialect's JSON error shape: the
 * standard is that a client's mistake is a clear 4xx, never a 500. Two sources of requests: the
 * dialects' own OpenAPI documents (each path parameter and query parameter replaced by odd values)
 * and a valid request of each money-moving or configuring endpoint with each of its fields in turn
 * replaced by a wrong value or left out. It runs the built server on a fresh embedded PostgreSQL in
 * sandbox mode, with the demo credentials (README) and rate limits raised for the run.
 */
public final class MalformedInputProbe {

  private String usdCurrent = "";
  private String usdSettlement = "";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Wrong values for any field: wrong types, edge numbers, odd text. */
  private static final List<JsonNode> WRONG_VALUES =
      List.of(
          NODES.nullNode(),
          NODES.numberNode(123),
          NODES.numberNode(-1),
          NODES.numberNode(new java.math.BigDecimal("1e308")),
          NODES.numberNode(new java.math.BigInteger("1000000000000000000000000000000")),
          NODES.stringNode("abc"),
          NODES.stringNode(""),
          NODES.stringNode(" "),
          NODES.stringNode("-0.001"),
          NODES.stringNode("99999999999999999999999999.99"),
          NODES.stringNode("NaN"),
          NODES.stringNode("2026-02-30"),
          NODES.stringNode("\u0661\u0660\u0660"),
          NODES.stringNode("a\u0000b"),
          NODES.stringNode("x".repeat(5000)),
          NODES.booleanNode(true),
          NODES.arrayNode().add(NODES.nullNode()),
          NODES.objectNode());

  /** Odd values for path and query parameters, already encoded for a URL. */
  private static final List<String> ODD_PARAMETERS =
      List.of(
          "abc",
          "-1",
          "0",
          "9".repeat(40),
          "1.5",
          "00000000-0000-0000-0000-000000000000",
          "%C3%A9",
          "a%00b",
          "%25",
          "x".repeat(300));

  /** Bodies that are not the expected JSON at all. */
  private static final List<String> BROKEN_BODIES =
      List.of("", "null", "[]", "\"x\"", "{", "123", "{\"a\": 1e999999}", "{\"a\": \"\\u0000\"}");

  private final int port;
  private final Map<String, String> authorizations;
  private final Map<String, Integer> statuses = new TreeMap<>();
  private final List<String> problems = new ArrayList<>();
  private int sent;

  private MalformedInputProbe(int port, Map<String, String> authorizations) {
    this.port = port;
    this.authorizations = authorizations;
  }

  public static void main(String[] arguments) throws Exception {
    CommandLine.quietLibraryLogs();
    Path directory = ScratchDirectories.create("coral-probe");
    int port = 20000 + ThreadLocalRandom.current().nextInt(10000);
    try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(directory.resolve("pg"))) {
      Process server =
          ServerProcess.start(
              List.of(),
              List.of(
                  "--coral.database.url=" + postgres.jdbcUrl(),
                  "--coral.rate-limits.dialects.bcb.requests=2000000000",
                  "--coral.rate-limits.dialects.cayman.requests=2000000000",
                  "--coral.rate-limits.dialects.cayman.writes=2000000000",
                  "--coral.rate-limits.dialects.vaultspay.requests=2000000000",
                  "--logging.level.root=WARN"),
              port,
              directory.resolve("server.log"));
      try {
        System.out.println(
            "Coral malformed-input probe: port " + port + ", server log " + directory);
        MalformedInputProbe probe = probe(port);
        probe.report();
        if (!probe.problems.isEmpty()) {
          ScratchDirectories.keep(directory); // its server.log has the stack traces
          System.exit(1);
        }
      } finally {
        server.destroy();
        server.waitFor();
      }
    }
  }

  /**
   * Probes the sandbox server listening on {@code port}, whose rate limits must be high enough for
   * about 3,000 requests, and returns it with what it found ({@link #problems()}).
   */
  public static MalformedInputProbe probe(int port) throws Exception {
    MalformedInputProbe probe = new MalformedInputProbe(port, demoAuthorizations(port));
    probe.run();
    return probe;
  }

  /** How many requests the probe sent. */
  public int sent() {
    return sent;
  }

  /** Each answer that was a server error or not in its dialect's JSON shape, described. */
  public List<String> problems() {
    return List.copyOf(problems);
  }

  /** The documented sandbox credentials (README, "Sandbox demo credentials"). */
  private static Map<String, String> demoAuthorizations(int port) throws Exception {
    String bcb =
        NodeHttp.login(port, "c0a1de00-0000-4000-8000-0000000000bc", "Demo-Bcb-Secret-2026!");
    HttpResponse<String> vaultspay =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/vaultspay/as/api/v1/saas-login"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"clientId\": \"c0a1de00-0000-4000-8000-0000000000fa\","
                            + " \"clientSecret\": \"Demo-VaultsPay-Secret-2026!\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    return Map.of(
        "bcb",
        "Bearer " + bcb,
        "cayman",
        "Bearer sk_c0a1de000000400080000000000000ca_demo-cayman-key-2026",
        "vaultspay",
        "Bearer " + JSON.readTree(vaultspay.body()).path("accessToken").asString(),
        "admin",
        "Bearer sandbox-admin-token");
  }

  private void run() throws Exception {
    for (String dialect : List.of("bcb", "cayman", "vaultspay", "admin")) {
      probeDocumentedParameters(dialect);
    }
    for (ValidRequest valid : validRequests()) {
      probeFields(valid);
    }
  }

  /** A request that the endpoint accepts (or refuses for a business rule), to be spoiled. */
  private record ValidRequest(String dialect, String method, String path, String body) {}

  private List<ValidRequest> validRequests() throws Exception {
    for (JsonNode account :
        JSON.readTree(send("bcb", "GET", "/bcb/v1/accounts", null).body()).path("data")) {
      switch (account.path("label").asString()) {
        case "Demo USD current" -> usdCurrent = account.path("number").asString();
        case "Demo USD settlement" -> usdSettlement = account.path("number").asString();
        default -> {}
      }
    }
    JsonNode wallets = JSON.readTree(send("cayman", "GET", "/cayman/v1/wallets", null).body());
    String usdWallet = "";
    for (JsonNode wallet : wallets.path("data")) {
      if (wallet.path("currency").asString().equals("USD")) {
        usdWallet = wallet.path("id").asString();
      }
    }
    String intent =
        JSON.readTree(
                send(
                        "cayman",
                        "POST",
                        "/cayman/v1/payments/intents",
                        "{\"amount\": \"5.00\", \"currency\": \"USD\"}")
                    .body())
            .path("id")
            .asString();
    String swift =
        "{\"instructionIdentification\": \"PROBE-1\", \"debtorAccount\": {\"identification\":"
            + " \""
            + usdCurrent
            + "\"}, \"instructedAmount\": {\"currency\": \"USD\", \"amount\": \"1.00\"},"
            + " \"creditorAccount\": {\"identification\": \"GB29NWBK60161331926819\", \"name\":"
            + " \"John Doe\", \"additionalInformation\": [\"x\"]}, \"creditorAgent\":"
            + " {\"identification\": \"NWBKGB2L\", \"name\": \"Bank\"}, \"chargesType\": \"OUR\","
            + " \"remittanceInformation\": [\"Invoice\"]}";
    return List.of(
        new ValidRequest(
            "bcb",
            "POST",
            "/bcb/v1/internal-transfers",
            "{\"debitAccountNumber\": \""
                + usdCurrent
                + "\", \"debitAmountCurrency\": \"USD\","
                + " \"creditAccountNumber\": \""
                + usdSettlement
                + "\", \"creditAmountCurrency\": \"USD\","
                + " \"debitAmount\": \"1.00\", \"endToEndIdentification\": \"E2E\","
                + " \"remittanceInformation\": \"Probe\"}"),
        new ValidRequest("bcb", "POST", "/bcb/v1/payments/swift", swift),
        new ValidRequest(
            "bcb",
            "POST",
            "/bcb/v1/virtual-accounts/" + usdSettlement + "/settlements/internal",
            "{\"creditAccountNumber\": \""
                + usdCurrent
                + "\", \"debitAmountCurrency\": \"USD\","
                + " \"debitAmount\": \"1.00\", \"endToEndIdentification\": \"E2E\"}"),
        new ValidRequest(
            "bcb",
            "POST",
            "/bcb/v1/notifications/subscriptions",
            "{\"url\": \"https://example.com/hooks\", \"topic\": \"Deposits\","
                + " \"customHeaders\": {\"X-Partner\": \"acme\"}, \"signatureVersion\": \"hmac\"}"),
        new ValidRequest(
            "bcb",
            "POST",
            "/bcb/v1/testing/deposits",
            "{\"accountNumber\": \"" + usdCurrent + "\", \"amount\": \"1.00\"}"),
        new ValidRequest(
            "cayman",
            "POST",
            "/cayman/v1/transfers",
            "{\"amount\": \"1.00\", \"currency\": \"USD\", \"source_wallet\": \""
                + usdWallet
                + "\", \"destination\": {\"type\": \"iban\", \"iban\": \"DE89370400440532013000\","
                + " \"system\": \"SWIFT\", \"name\": \"Muster GmbH\"}, \"reference\": \"Probe\"}"),
        new ValidRequest(
            "cayman",
            "POST",
            "/cayman/v1/payments/intents",
            "{\"amount\": \"9.00\", \"currency\": \"USD\", \"description\": \"Probe\","
                + " \"metadata\": {\"plan\": \"pro\"}}"),
        new ValidRequest(
            "cayman",
            "POST",
            "/cayman/v1/payments/intents/" + intent + "/pay",
            "{\"client_secret\": \"x\", \"source_wallet\": \"" + usdWallet + "\"}"),
        new ValidRequest(
            "cayman",
            "POST",
            "/cayman/v1/webhooks/endpoints",
            "{\"url\": \"https://example.com/hooks\", \"events\": [\"transfer.completed\"]}"),
        new ValidRequest(
            "admin",
            "POST",
            "/admin/v1/customers",
            "{\"name\": \"Probe Ltd\", \"type\": \"CORPORATE\"}"),
        new ValidRequest(
            "admin",
            "POST",
            "/admin/v1/customers/c0a1de00-0000-4000-8000-000000000001/credentials",
            "{\"dialect\": \"bcb\", \"permissions\": [\"get-accounts\"],"
                + " \"ipAllowList\": [\"127.0.0.1/32\"]}"),
        new ValidRequest(
            "admin",
            "POST",
            "/admin/v1/accounts/" + usdCurrent + "/credits",
            "{\"amount\": \"1.00\", \"reference\": \"Probe\"}"),
        new ValidRequest("admin", "PUT", "/admin/v1/fx-rates/USD/EUR", "{\"rate\": \"0.9\"}"),
        new ValidRequest(
            "vaultspay",
            "POST",
            "/vaultspay/as/api/v1/saas-refresh-token",
            "{\"refreshToken\": \"x\"}"));
  }

  /** Each field of a valid request replaced by each wrong value, then left out; broken bodies. */
  private void probeFields(ValidRequest valid) throws Exception {
    JsonNode body = JSON.readTree(valid.body());
    for (List<Object> field : fieldsOf(body, new ArrayList<>())) {
      for (JsonNode wrong : WRONG_VALUES) {
        check(valid.dialect(), valid.method(), valid.path(), replaced(body, field, wrong), field);
      }
      check(valid.dialect(), valid.method(), valid.path(), replaced(body, field, null), field);
    }
    for (String broken : BROKEN_BODIES) {
      check(valid.dialect(), valid.method(), valid.path(), broken, List.of("(body)"));
    }
  }

  /** Every member and element of {@code node}, as paths of names and indexes. */
  private static List<List<Object>> fieldsOf(JsonNode node, List<Object> prefix) {
    List<List<Object>> fields = new ArrayList<>();
    if (node instanceof ObjectNode object) {
      for (String name : object.propertyNames()) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(name);
        fields.add(path);
        fields.addAll(fieldsOf(object.get(name), path));
      }
    } else if (node instanceof ArrayNode array) {
      for (int index = 0; index < array.size(); index++) {
        List<Object> path = new ArrayList<>(prefix);
        path.add(index);
        fields.add(path);
        fields.addAll(fieldsOf(array.get(index), path));
      }
    }
    return fields;
  }

  /** The body with the field at {@code path} set to {@code value}, or removed when it is null. */
  private static String replaced(JsonNode body, List<Object> path, JsonNode value) {
    JsonNode copy = body.deepCopy();
    JsonNode parent = copy;
    for (Object step : path.subList(0, path.size() - 1)) {
      parent = step instanceof String name ? parent.get(name) : parent.get((Integer) step);
    }
    Object last = path.getLast();
    if (parent instanceof ObjectNode object) {
      if (value == null) {
        object.remove((String) last);
      } else {
        object.set((String) last, value);
      }
    } else if (parent instanceof ArrayNode array) {
      if (value == null) {
        array.remove((Integer) last);
      } else {
        array.set((Integer) last, value);
      }
    }
    return JSON.writeValueAsString(copy);
  }

  /** Each operation of the dialect's OpenAPI document with odd path and query parameters. */
  private void probeDocumentedParameters(String dialect) throws Exception {
    JsonNode document =
        JSON.readTree(send(dialect, "GET", "/" + dialect + "/openapi.json", null).body());
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          String name = parameter.path("name").asString();
          switch (parameter.path("in").asString()) {
            case "path" -> pathParameters.add(name);
            case "query" -> queryParameters.add(name);
            default -> {}
          }
        }
        String body = method.equals("GET") || method.equals("DELETE") ? null : "{}";
        for (String odd : ODD_PARAMETERS) {
          if (!pathParameters.isEmpty()) {
            check(dialect, method, filled(path.getKey(), pathParameters, odd), body, List.of());
          }
          for (String query : queryParameters) {
            check(
                dialect,
                method,
                filled(path.getKey(), pathParameters, "1") + "?" + query + "=" + odd,
                body,
                List.of());
          }
        }
      }
    }
  }

  private static String filled(String template, List<String> names, String value) {
    String path = template;
    for (String name : names) {
      path = path.replace("{" + name + "}", value);
    }
    return path;
  }

  private void check(String dialect, String method, String path, String body, List<Object> field)
      throws Exception {
    HttpResponse<String> response = send(dialect, method, path, body);
    sent++;
    int status = response.statusCode();
    statuses.merge(dialect + " " + status, 1, Integer::sum);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    boolean shaped = status < 400 || contentType.contains("json");
    if (status >= 500 || !shaped) {
      String shown =
          body == null ? "" : body.length() > 160 ? body.substring(0, 160) + "..." : body;
      problems.add(
          status
              + " "
              + method
              + " "
              + (path.length() > 120 ? path.substring(0, 120) + "..." : path)
              + (field.isEmpty() ? "" : " field " + field)
              + " body "
              + shown
              + " -> "
              + response.body().substring(0, Math.min(200, response.body().length())));
    }
  }

  private HttpResponse<String> send(String dialect, String method, String path, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorizations.getOrDefault(dialect, ""))
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .header("Content-Type", "application/json");
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void report() {
    System.out.println("requests: " + sent);
    statuses.forEach((key, count) -> System.out.println("  " + key + ": " + count));
    problems.stream().limit(50).forEach(problem -> System.out.println("PROBLEM " + problem));
    System.out.println(
        problems.isEmpty()
            ? "VERDICT: every malformed request was answered 4xx (or accepted) in its dialect's shape"
            : "VERDICT: "
                + problems.size()
                + " answers were server errors or not in the dialect's shape");
  }
}
