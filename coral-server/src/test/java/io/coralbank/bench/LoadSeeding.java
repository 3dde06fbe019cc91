package io.coralbank.bench;

import io.coralbank.kernel.checks.Luhn;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prepares a running server for the HTTP load: one corporate customer with BCB credentials, a
 * funded Settlement -> Parent -> Sub chain for the hot scenario, and thousands of funded current
 * accounts. The customer, the chain and the credentials are made through the admin and BCB APIs, as
 * an operator and a client would make them; the current accounts are written in two SQL statements,
 * because opening ten thousand through the admin API would take longer than the measurement.
 */
final class LoadSeeding {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String ADMIN = "Bearer sandbox-admin-token";
  private static final long FUNDING = 1_000_000_00L;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String root;
  private final JdbcClient jdbc;

  LoadSeeding(String root, String jdbcUrl) {
    this.root = root;
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(jdbcUrl);
    this.jdbc = JdbcClient.create(dataSource);
  }

  /** A new corporate customer with a Settlement and a Parent account in USD; its id. */
  String customer() throws Exception {
    String customer =
        send(
                "POST",
                "/admin/v1/customers",
                ADMIN,
                "{\"name\": \"Load Test Ltd\", \"type\": \"CORPORATE\"}")
            .path("id")
            .asString();
    String settlement =
        send(
                "POST",
                "/admin/v1/customers/" + customer + "/accounts",
                ADMIN,
                "{\"currency\": \"USD\", \"kind\": \"SETTLEMENT\", \"label\": \"Settlement\"}")
            .path("accountNumber")
            .asString();
    send(
        "POST",
        "/admin/v1/customers/" + customer + "/accounts",
        ADMIN,
        "{\"currency\": \"USD\", \"kind\": \"PARENT\", \"label\": \"Parent\"}");
    send(
        "POST",
        "/admin/v1/accounts/" + settlement + "/credits",
        ADMIN,
        "{\"amount\": \"1000000000.00\", \"reference\": \"Load funding\"}");
    return customer;
  }

  /** A BCB token, with every permission, for new credentials of {@code customer}. */
  String token(String customer) throws Exception {
    JsonNode credentials =
        send(
            "POST",
            "/admin/v1/customers/" + customer + "/credentials",
            ADMIN,
            "{\"dialect\": \"bcb\"}");
    return send(
            "POST",
            "/bcb/auth/token",
            null,
            "{\"clientId\": \""
                + credentials.path("clientId").asString()
                + "\", \"clientSecret\": \""
                + credentials.path("clientSecret").asString()
                + "\"}")
        .path("token")
        .asString();
  }

  /**
   * Opens the Sub account every hot request credits, through BCB's virtual-accounts job, and
   * returns its number once the job has run.
   */
  String hotSub(String customer, String token) throws Exception {
    String job =
        send(
                "POST",
                "/bcb/v1/virtual-accounts",
                "Bearer " + token,
                "{\"items\": [{\"currency\": \"USD\", \"accountHolderName\": \"Hot Sub\","
                    + " \"accountName\": \"Hot Sub\"}]}")
            .path("jobId")
            .asString();
    for (int attempt = 0; attempt < 300; attempt++) {
      String status =
          send("GET", "/bcb/v1/jobs/" + job, "Bearer " + token, null).path("status").asString();
      if (status.equals("Completed")) {
        break;
      }
      if (!status.equals("Pending") && !status.equals("InProgress")) {
        throw new IllegalStateException("The Sub account's job ended " + status);
      }
      Thread.sleep(100);
    }
    return jdbc.sql(
            "select account_number from accounts where customer_id = :customer and kind = 'SUB'")
        .param("customer", UUID.fromString(customer))
        .query(String.class)
        .single();
  }

  /**
   * Inserts {@code count} funded current accounts of {@code customer} in one statement each, so
   * their ids are consecutive, and returns the first id (the naive baseline picks its accounts by
   * id).
   */
  long fundedCurrentAccounts(String customer, int count) {
    UUID customerId = UUID.fromString(customer);
    List<Long> sequence =
        jdbc.sql("select nextval('account_number_seq') from generate_series(1, :count)")
            .param("count", count)
            .query(Long.class)
            .list();
    String[] numbers = new String[sequence.size()];
    for (int index = 0; index < numbers.length; index++) {
      String payload = Long.toString(sequence.get(index));
      numbers[index] = payload + Luhn.checkDigit(payload);
    }
    jdbc.sql(
            """
            insert into accounts (account_number, customer_id, currency, kind, status, label,
                                  created_at)
            select number, :customer, 'USD', 'CURRENT', 'ACTIVE', 'Load ' || number, now()
              from unnest(:numbers) as n(number)
            """)
        .param("customer", customerId)
        .param("numbers", numbers)
        .update();
    jdbc.sql(
            """
            insert into ledger_accounts (account_id, asset_code, bank_side, posted)
            select id, 'USD', false, :funding from accounts
             where customer_id = :customer and kind = 'CURRENT'
            """)
        .param("funding", FUNDING)
        .param("customer", customerId)
        .update();
    // Funded directly, as the ledger benchmark does: this database exists only to be measured
    // (its invariant check would report the opening balances, which no journal entry explains).
    jdbc.sql("vacuum analyze").update();
    return jdbc.sql(
            "select min(id) from accounts where customer_id = :customer and kind = 'CURRENT'")
        .param("customer", customerId)
        .query(Long.class)
        .single();
  }

  List<String> currentAccountNumbers(String customer) {
    return jdbc.sql(
            "select account_number from accounts where customer_id = :customer"
                + " and kind = 'CURRENT' order by id")
        .param("customer", UUID.fromString(customer))
        .query(String.class)
        .list();
  }

  private JsonNode send(String method, String path, String authorization, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(root + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }
}
