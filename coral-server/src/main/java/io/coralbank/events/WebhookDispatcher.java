package io.coralbank.events;

import io.coralbank.platform.CoralProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers due webhook attempts. Each attempt is claimed first (its next attempt time moves past
 * the attempt's own timeout, under a row lock that other processes skip), then sent outside any
 * transaction, then recorded: delivered on a 2xx answer; otherwise retried after a wait that
 * doubles from {@code first-retry-delay} up to {@code longest-retry-delay}, until {@code
 * retry-window} after the event, when the delivery is given up. A process that dies mid-attempt
 * leaves the claim to expire, so the attempt is made again: delivery is at least once.
 */
@Component
public class WebhookDispatcher {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int BATCH = 50;
  private static final JsonMapper HEADERS_JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final WebhookEndpoints endpoints;
  private final Map<String, WebhookSigner> signers;
  private final WebhookProperties properties;
  private final CoralProperties coral;
  private final Clock clock;
  private final HttpClient http;

  WebhookDispatcher(
      JdbcClient jdbc,
      WebhookEndpoints endpoints,
      List<WebhookSigner> signers,
      WebhookProperties properties,
      CoralProperties coral,
      Clock clock) {
    this.jdbc = jdbc;
    this.endpoints = endpoints;
    this.signers =
        signers.stream().collect(Collectors.toMap(WebhookSigner::dialect, Function.identity()));
    this.properties = properties;
    this.coral = coral;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.attemptTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  private record Attempt(
      long id,
      String eventId,
      String dialect,
      String url,
      byte[] secret,
      String payload,
      int attempts,
      Instant eventCreatedAt,
      boolean endpointDeleted,
      String endpointId,
      String customHeaders,
      String signingScheme) {}

  @Scheduled(fixedDelayString = "${coral.webhooks.poll-interval}")
  public void deliverDue() {
    for (Attempt attempt : claim()) {
      if (attempt.endpointDeleted()) {
        finish(attempt.id(), "FAILED", null, "The endpoint was deleted.");
      } else {
        deliver(attempt);
      }
    }
  }

  private List<Attempt> claim() {
    Instant now = clock.instant();
    return jdbc.sql(
            """
            with due as (
                select d.id from webhook_deliveries d
                 where d.status = 'PENDING' and d.next_attempt_at <= :now
                 order by d.next_attempt_at
                 limit :limit
                 for update skip locked)
            update webhook_deliveries d
               set next_attempt_at = :lease, attempts = d.attempts + 1
              from due, events e, webhook_endpoints w
             where d.id = due.id and e.id = d.event_id and w.id = d.endpoint_id
            returning d.id, d.event_id, e.dialect, w.url, w.secret_encrypted, e.payload,
                      d.attempts, e.created_at, w.deleted, w.id as endpoint_id, w.custom_headers,
                      w.signing_scheme
            """)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param(
            "lease", now.plus(properties.attemptTimeout()).plusSeconds(30).atOffset(ZoneOffset.UTC))
        .param("limit", BATCH)
        .query(
            (row, number) ->
                new Attempt(
                    row.getLong("id"),
                    row.getString("event_id"),
                    row.getString("dialect"),
                    row.getString("url"),
                    row.getBytes("secret_encrypted"),
                    row.getString("payload"),
                    row.getInt("attempts"),
                    row.getObject("created_at", OffsetDateTime.class).toInstant(),
                    row.getBoolean("deleted"),
                    row.getString("endpoint_id"),
                    row.getString("custom_headers"),
                    row.getString("signing_scheme")))
        .list();
  }

  private void deliver(Attempt attempt) {
    Optional<String> refused = WebhookUrls.problem(attempt.url(), coral.mode());
    if (refused.isPresent()) {
      retryOrGiveUp(attempt, null, refused.get());
      return;
    }
    WebhookSigner signer = signers.get(attempt.dialect());
    URI url = URI.create(attempt.url());
    String body = signer.bodyFor(attempt.payload(), attempt.endpointId());
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(properties.attemptTimeout())
            .header("Content-Type", "application/json")
            .header("User-Agent", "Coral-Webhooks/1")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    // The client's own headers first, so a signature header can never be overridden by them.
    if (attempt.customHeaders() != null) {
      HEADERS_JSON
          .readValue(attempt.customHeaders(), new TypeReference<Map<String, String>>() {})
          .forEach(request::header);
    }
    signer
        .headers(
            endpoints.secretOf(attempt.secret()),
            attempt.signingScheme(),
            url,
            body,
            clock.instant())
        .forEach(request::setHeader);
    Instant started = clock.instant();
    long startedNanos = System.nanoTime();
    Integer statusCode = null;
    String error = null;
    try {
      HttpResponse<Void> response =
          http.send(request.build(), HttpResponse.BodyHandlers.discarding());
      statusCode = response.statusCode();
      if (statusCode / 100 != 2) {
        error = "The endpoint answered " + statusCode;
      }
    } catch (java.io.IOException failure) {
      error =
          failure.getMessage() == null
              ? "No answer: " + failure.getClass().getSimpleName()
              : "No answer: " + failure.getClass().getSimpleName() + ": " + failure.getMessage();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException failure) {
      error = failure.getClass().getSimpleName();
    }
    recordAttempt(
        attempt.id(),
        started,
        (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(),
        statusCode,
        error);
    if (error == null) {
      finish(attempt.id(), "DELIVERED", statusCode, null);
    } else {
      retryOrGiveUp(attempt, statusCode, error);
    }
  }

  private void recordAttempt(
      long deliveryId, Instant at, int latencyMillis, Integer statusCode, String error) {
    jdbc.sql(
            """
            insert into webhook_attempts (delivery_id, attempted_at, latency_ms, status_code, error)
            values (:delivery, :at, :latency, :code, :error)
            """)
        .param("delivery", deliveryId)
        .param("at", at.atOffset(ZoneOffset.UTC))
        .param("latency", latencyMillis)
        .param("code", statusCode)
        .param("error", error)
        .update();
  }

  private void retryOrGiveUp(Attempt attempt, Integer statusCode, String error) {
    Duration wait = delayAfter(attempt.attempts(), properties);
    Instant next = clock.instant().plus(wait);
    if (next.isAfter(attempt.eventCreatedAt().plus(properties.retryWindow()))) {
      log.warn(
          "Gave up delivering event {} after {} attempts", attempt.eventId(), attempt.attempts());
      finish(attempt.id(), "FAILED", statusCode, error);
      return;
    }
    jdbc.sql(
            """
            update webhook_deliveries
               set next_attempt_at = :next, last_status_code = :code, last_error = :error
             where id = :id and status = 'PENDING'
            """)
        .param("next", next.atOffset(ZoneOffset.UTC))
        .param("code", statusCode)
        .param("error", error)
        .param("id", attempt.id())
        .update();
  }

  /** One delivery as the operator's log shows it. */
  public record Delivery(
      long id,
      String eventId,
      String eventType,
      String endpointId,
      String url,
      String status,
      int attempts,
      Instant nextAttemptAt,
      Integer lastStatusCode,
      String lastError,
      Instant createdAt,
      Instant deliveredAt,
      List<AttemptRecord> attemptLog) {}

  /** One attempt of a delivery: when, how long the receiver took, what it answered. */
  public record AttemptRecord(
      Instant attemptedAt, int latencyMs, Integer statusCode, String error) {}

  private List<AttemptRecord> attemptsOf(long deliveryId) {
    return jdbc.sql(
            "select attempted_at, latency_ms, status_code, error from webhook_attempts"
                + " where delivery_id = :id order by id")
        .param("id", deliveryId)
        .query(
            (row, number) ->
                new AttemptRecord(
                    row.getObject("attempted_at", OffsetDateTime.class).toInstant(),
                    row.getInt("latency_ms"),
                    (Integer) row.getObject("status_code"),
                    row.getString("error")))
        .list();
  }

  /**
   * The delivery log, newest first: all deliveries, or those of one event or one endpoint, at most
   * {@code limit}.
   */
  public List<Delivery> log(String eventId, String endpointId, int limit) {
    return log(eventId, endpointId, null, limit);
  }

  /** One delivery of the log. */
  public Optional<Delivery> delivery(long deliveryId) {
    return log(null, null, deliveryId, 1).stream().findFirst();
  }

  private List<Delivery> log(String eventId, String endpointId, Long deliveryId, int limit) {
    String sql =
        """
        select d.*, e.type, w.url from webhook_deliveries d
          join events e on e.id = d.event_id join webhook_endpoints w on w.id = d.endpoint_id
         where (cast(:event as text) is null or d.event_id = :event)
           and (cast(:endpoint as text) is null or d.endpoint_id = :endpoint)
           and (cast(:delivery as bigint) is null or d.id = :delivery)
         order by d.id desc limit :limit
        """;
    return jdbc
        .sql(sql)
        .param("event", eventId)
        .param("endpoint", endpointId)
        .param("delivery", deliveryId)
        .param("limit", limit)
        .query(
            (row, number) ->
                new Delivery(
                    row.getLong("id"),
                    row.getString("event_id"),
                    row.getString("type"),
                    row.getString("endpoint_id"),
                    row.getString("url"),
                    row.getString("status"),
                    row.getInt("attempts"),
                    instant(row.getObject("next_attempt_at", OffsetDateTime.class)),
                    (Integer) row.getObject("last_status_code"),
                    row.getString("last_error"),
                    row.getObject("created_at", OffsetDateTime.class).toInstant(),
                    instant(row.getObject("delivered_at", OffsetDateTime.class)),
                    null))
        .list()
        .stream()
        .map(
            delivery ->
                new Delivery(
                    delivery.id(),
                    delivery.eventId(),
                    delivery.eventType(),
                    delivery.endpointId(),
                    delivery.url(),
                    delivery.status(),
                    delivery.attempts(),
                    delivery.nextAttemptAt(),
                    delivery.lastStatusCode(),
                    delivery.lastError(),
                    delivery.createdAt(),
                    delivery.deliveredAt(),
                    attemptsOf(delivery.id())))
        .toList();
  }

  /**
   * Sends a delivery again at once, whatever became of it (an operator's replay after the receiver
   * was fixed). False when there is no such delivery.
   */
  public boolean replay(long deliveryId) {
    return jdbc.sql(
                """
                update webhook_deliveries
                   set status = 'PENDING', next_attempt_at = :now, delivered_at = null
                 where id = :id
                """)
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .param("id", deliveryId)
            .update()
        == 1;
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }

  /** The wait after the {@code attempts}-th failed attempt: doubling, capped. */
  static Duration delayAfter(int attempts, WebhookProperties properties) {
    Duration wait = properties.firstRetryDelay();
    for (int step = 1;
        step < attempts && wait.compareTo(properties.longestRetryDelay()) < 0;
        step++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(properties.longestRetryDelay()) > 0
        ? properties.longestRetryDelay()
        : wait;
  }

  private void finish(long deliveryId, String status, Integer statusCode, String error) {
    jdbc.sql(
            """
            update webhook_deliveries
               set status = :status, next_attempt_at = null, last_status_code = :code,
                   last_error = :error,
                   delivered_at = case when :status = 'DELIVERED' then :now else null end
             where id = :id
            """)
        .param("status", status)
        .param("code", statusCode)
        .param("error", error)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", deliveryId)
        .update();
  }
}
