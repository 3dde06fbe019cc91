package io.coralbank.events;

import com.github.f4b6a3.ulid.UlidCreator;
import io.coralbank.identity.SecretBox;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Customers' webhook endpoints: registered, read, changed and removed within one customer. */
@Service
public class WebhookEndpoints {

  /** An endpoint just registered, with its signing secret: the only time the secret is shown. */
  public record Registered(WebhookEndpoint endpoint, String secret) {}

  private static final RowMapper<WebhookEndpoint> ENDPOINT =
      (row, number) ->
          new WebhookEndpoint(
              row.getString("id"),
              row.getObject("customer_id", UUID.class),
              row.getString("dialect"),
              row.getString("url"),
              Arrays.asList((String[]) row.getArray("events").getArray()),
              row.getObject("created_at", OffsetDateTime.class).toInstant(),
              row.getObject("updated_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;
  private final SecretBox secretBox;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  WebhookEndpoints(JdbcClient jdbc, SecretBox secretBox, Clock clock) {
    this.jdbc = jdbc;
    this.secretBox = secretBox;
    this.clock = clock;
  }

  /**
   * Registers an endpoint with a new signing secret ({@code whsec_} and 32 random bytes).
   *
   * @param idPrefix the dialect's prefix for endpoint ids, such as {@code wh_}
   */
  public Registered register(
      UUID customerId, String dialect, String idPrefix, String url, List<String> events) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    String id = idPrefix + UlidCreator.getMonotonicUlid();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into webhook_endpoints (id, customer_id, dialect, url, events,
                                           secret_encrypted, created_at, updated_at)
            values (:id, :customer, :dialect, :url, :events, :secret, :now, :now)
            """)
        .param("id", id)
        .param("customer", customerId)
        .param("dialect", dialect)
        .param("url", url)
        .param("events", events.toArray(String[]::new))
        .param("secret", secretBox.encrypt(secret.getBytes(StandardCharsets.UTF_8)))
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    return new Registered(find(customerId, dialect, id).orElseThrow(), secret);
  }

  /**
   * Registers an endpoint signed with a secret the customer already has (BCB signs with the API
   * client's message signing secret), still encrypted, with headers echoed on every delivery.
   */
  public WebhookEndpoint registerWithSecret(
      UUID customerId,
      String dialect,
      String id,
      String url,
      List<String> events,
      byte[] secretEncrypted,
      java.util.Map<String, String> customHeaders,
      String signingScheme) {
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into webhook_endpoints (id, customer_id, dialect, url, events,
                                           secret_encrypted, custom_headers, signing_scheme,
                                           created_at, updated_at)
            values (:id, :customer, :dialect, :url, :events, :secret, :headers, :scheme, :now,
                    :now)
            """)
        .param("id", id)
        .param("customer", customerId)
        .param("dialect", dialect)
        .param("url", url)
        .param("events", events.toArray(String[]::new))
        .param("secret", secretEncrypted)
        .param("scheme", signingScheme)
        .param(
            "headers",
            customHeaders == null || customHeaders.isEmpty()
                ? null
                : tools.jackson.databind.json.JsonMapper.builder()
                    .build()
                    .writeValueAsString(customHeaders))
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    return find(customerId, dialect, id).orElseThrow();
  }

  /** The endpoint's signing scheme, null for its dialect's default. */
  public String signingSchemeOf(String id) {
    return jdbc.sql("select signing_scheme from webhook_endpoints where id = :id")
        .param("id", id)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  /** Custom headers of an endpoint, as registered. */
  public java.util.Map<String, String> customHeaders(String id) {
    String text =
        jdbc.sql("select custom_headers from webhook_endpoints where id = :id")
            .param("id", id)
            .query(String.class)
            .optional()
            .orElse(null);
    return text == null
        ? java.util.Map.of()
        : tools.jackson.databind.json.JsonMapper.builder()
            .build()
            .readValue(
                text,
                new tools.jackson.core.type.TypeReference<
                    java.util.LinkedHashMap<String, String>>() {});
  }

  public Optional<WebhookEndpoint> find(UUID customerId, String dialect, String id) {
    return jdbc.sql(
            "select * from webhook_endpoints where id = :id and customer_id = :customer"
                + " and dialect = :dialect and not deleted")
        .param("id", id)
        .param("customer", customerId)
        .param("dialect", dialect)
        .query(ENDPOINT)
        .optional();
  }

  /**
   * The customer's endpoints, oldest first, after the endpoint {@code after} (null: from the
   * first).
   */
  public List<WebhookEndpoint> page(UUID customerId, String dialect, String after, int limit) {
    String sql =
        "select * from webhook_endpoints where customer_id = :customer and dialect = :dialect"
            + " and not deleted"
            + (after == null
                ? ""
                : " and sequence > (select sequence from webhook_endpoints where id = :after"
                    + " and customer_id = :customer)")
            + " order by sequence limit :limit";
    var statement =
        jdbc.sql(sql).param("customer", customerId).param("dialect", dialect).param("limit", limit);
    if (after != null) {
      statement = statement.param("after", after);
    }
    return statement.query(ENDPOINT).list();
  }

  /** Changes the URL or the events (null: unchanged); empty when the endpoint is not theirs. */
  public Optional<WebhookEndpoint> update(
      UUID customerId, String dialect, String id, String url, List<String> events) {
    int changed =
        jdbc.sql(
                """
                update webhook_endpoints
                   set url = coalesce(:url, url),
                       events = coalesce(:events, events),
                       updated_at = :now
                 where id = :id and customer_id = :customer and dialect = :dialect
                   and not deleted
                """)
            .param("url", url)
            .param("events", events == null ? null : events.toArray(String[]::new))
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .param("id", id)
            .param("customer", customerId)
            .param("dialect", dialect)
            .update();
    return changed == 0 ? Optional.empty() : find(customerId, dialect, id);
  }

  /** Removes the endpoint: nothing more is sent to it. False when it is not theirs. */
  public boolean delete(UUID customerId, String dialect, String id) {
    return jdbc.sql(
                """
                update webhook_endpoints set deleted = true, updated_at = :now
                 where id = :id and customer_id = :customer and dialect = :dialect
                   and not deleted
                """)
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .param("id", id)
            .param("customer", customerId)
            .param("dialect", dialect)
            .update()
        == 1;
  }

  /** The endpoint's secret, for signing; only the dispatcher needs it. */
  String secretOf(byte[] encrypted) {
    return new String(secretBox.decrypt(encrypted), StandardCharsets.UTF_8);
  }
}
