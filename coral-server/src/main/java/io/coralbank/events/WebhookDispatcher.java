package io.coralbank.events;

import io.coralbank.platform.CoralProperties;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * Delivers due webhook attempts. Due attempts are claimed first (each one's next attempt time moves
 * to a lease past the attempt timeout, under a row lock that other processes skip), then sent at
 * once, each on a virtual thread of its own and cut off at the attempt timeout, outside any
 * transaction, and each outcome is recorded: delivered on a 2xx answer; otherwise retried after a
 * wait that doubles from {@code first-retry-delay} up to {@code longest-retry-delay}, until {@code
 * retry-window} after the event, when the delivery is given up.
 *
 * <p>Sending the claimed attempts at once is what makes the lease hold: sent one after another,
 * fifty attempts to a receiver that never answers would take fifty timeouts, the lease of the last
 * ones would run out while they waited, and another process would claim and send them a second
 * time. Not waiting for them before the next poll keeps one dead receiver from holding up every
 * other customer's webhooks. An outcome is recorded only while the claim is still this attempt's
 * (its attempt count and lease unchanged): a process that outlived its lease anyway does not
 * overwrite what the process that took the attempt over recorded. A process that dies mid-attempt
 * leaves the claim to expire, so the attempt is made again: delivery is at least once.
 */
@Component
public class WebhookDispatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final int BATCH = 50;

  /**
   * The most attempts one process has in flight. Each waits on its receiver, not on a core or a
   * connection, so many are cheap; the bound keeps receivers that all stopped answering from piling
   * up attempts without end.
   */
  private static final int MOST_IN_FLIGHT = 500;

  /**
   * How long a claim outlasts the attempt timeout: room for the outcome's write and for clocks of
   * processes that disagree by a few seconds.
   */
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  private static final JsonMapper HEADERS_JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final WebhookEndpoints endpoints;
  private final Map<String, WebhookSigner> signers;
  private final WebhookProperties properties;
  private final CoralProperties coral;
  private final Clock clock;
  private final HttpClient http;
  private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore inFlight = new Semaphore(MOST_IN_FLIGHT);

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
      Instant lease,
      Instant eventCreatedAt,
      boolean endpointDeleted,
      String endpointId,
      String customHeaders,
      String signingScheme) {}

  /**
   * Claims as many due attempts as there is room for and sends each on a virtual thread of its own,
   * without waiting for them: attempts to a slow receiver are in flight while the next polls send
   * what fell due since.
   */
  @Scheduled(fixedDelayString = "${coral.webhooks.poll-interval}")
  public void deliverDue() {
    // Polls never overlap (a fixed delay), so the permits counted here are still free below.
    int room = Math.min(BATCH, inFlight.availablePermits());
    if (room == 0) {
      return;
    }
    for (Attempt attempt : claim(room)) {
      inFlight.acquireUninterruptibly();
      try {
        senders.execute(() -> attemptOnce(attempt));
      } catch (RejectedExecutionException stopping) {
        // The server is stopping; the claim expires and another process makes the attempt.
        inFlight.release();
      }
    }
  }

  /**
   * Stops the attempts in flight when the server stops: each one's claim expires and the attempt is
   * made again, by this process when it comes back or by another.
   */
  @Override
  public void close() {
    senders.shutdownNow();
  }

  private void attemptOnce(Attempt attempt) {
    try {
      if (attempt.endpointDeleted()) {
        finish(attempt, "FAILED", null, "The endpoint was deleted.");
      } else {
        deliver(attempt);
      }
    } catch (RuntimeException failure) {
      // The claim expires and the attempt is made again; one attempt's fault stops no other.
      log.error("Webhook delivery {} failed unexpectedly", attempt.id(), failure);
    } finally {
      inFlight.release();
    }
  }

  private List<Attempt> claim(int limit) {
    Instant now = clock.instant();
    // The lease is compared for equality when the outcome is recorded, so it is kept to the
    // microsecond, the precision the database stores.
    Instant lease =
        now.plus(properties.attemptTimeout()).plus(LEASE_MARGIN).truncatedTo(ChronoUnit.MICROS);
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
        .param("lease", lease.atOffset(ZoneOffset.UTC))
        .param("limit", limit)
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
                    lease,
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
      // Logged as an attempt that had no answer, so the operator sees why nothing was sent.
      retryOrGiveUp(attempt, new Attempted(clock.instant(), 0, null, refused.get()));
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
      try {
        HEADERS_JSON
            .readValue(attempt.customHeaders(), new TypeReference<Map<String, String>>() {})
            .forEach(request::header);
      } catch (IllegalArgumentException notSendable) {
        // Registered before the dialects checked headers this way; every attempt would fail
        // alike. Logged as an attempt without an answer, as a refused URL is, and without the
        // value, which may be a credential of the receiver's.
        retryOrGiveUp(
            attempt,
            new Attempted(
                clock.instant(),
                0,
                null,
                "A custom header cannot be sent: its name or value is not valid in HTTP."));
        return;
      }
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
    CompletableFuture<HttpResponse<Void>> answer =
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    try {
      // A deadline on the whole exchange: the request's own timeout stops at the answer's
      // headers, and a receiver that trickles its body would otherwise hold the attempt open.
      statusCode =
          answer.get(properties.attemptTimeout().toNanos(), TimeUnit.NANOSECONDS).statusCode();
      if (statusCode / 100 != 2) {
        error = "The endpoint answered " + statusCode;
      }
    } catch (TimeoutException late) {
      answer.cancel(true);
      error = noAnswerInTime();
    } catch (ExecutionException failed) {
      Throwable cause = failed.getCause() == null ? failed : failed.getCause();
      error =
          cause instanceof HttpTimeoutException
              ? noAnswerInTime()
              : cause.getMessage() == null
                  ? "No answer: " + cause.getClass().getSimpleName()
                  : "No answer: " + cause.getClass().getSimpleName() + ": " + cause.getMessage();
    } catch (InterruptedException interrupted) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      return;
    }
    Attempted attempted =
        new Attempted(
            started,
            (int) Duration.ofNanos(System.nanoTime() - startedNanos).toMillis(),
            statusCode,
            error);
    if (error == null) {
      record(attempt, attempted, "DELIVERED", null);
    } else {
      retryOrGiveUp(attempt, attempted);
    }
  }

  private String noAnswerInTime() {
    return "No answer within " + properties.attemptTimeout().toMillis() + " ms";
  }

  /** What one attempt found: when it was sent, how long the receiver took, what it answered. */
  private record Attempted(Instant at, int latencyMillis, Integer statusCode, String error) {}

  private void retryOrGiveUp(Attempt attempt, Attempted attempted) {
    Duration wait = delayAfter(attempt.attempts(), properties);
    Instant next = clock.instant().plus(wait);
    if (next.isAfter(attempt.eventCreatedAt().plus(properties.retryWindow()))) {
      log.warn(
          "Gave up delivering event {} after {} attempts", attempt.eventId(), attempt.attempts());
      record(attempt, attempted, "FAILED", null);
    } else {
      record(attempt, attempted, "PENDING", next);
    }
  }

  /**
   * Logs the attempt and, in the same statement, settles the delivery: {@code DELIVERED}, {@code
   * FAILED}, or {@code PENDING} again at {@code next}. The delivery changes only while the claim is
   * still this attempt's; the attempt is logged either way, since it was made.
   */
  private void record(Attempt attempt, Attempted attempted, String status, Instant next) {
    long settled =
        jdbc.sql(
                """
                with settled as (
                    update webhook_deliveries
                       set status = :status, next_attempt_at = :next, last_status_code = :code,
                           last_error = :error,
                           delivered_at = case when :status = 'DELIVERED' then :answered end
                     where id = :id and status = 'PENDING' and attempts = :attempts
                       and next_attempt_at = :lease
                    returning id),
                logged as (
                    insert into webhook_attempts (delivery_id, attempted_at, latency_ms,
                                                  status_code, error)
                    values (:id, :at, :latency, :code, :error))
                select count(*) from settled
                """)
            .param("status", status)
            .param("next", next == null ? null : next.atOffset(ZoneOffset.UTC))
            .param("code", attempted.statusCode())
            .param("error", attempted.error())
            .param("at", attempted.at().atOffset(ZoneOffset.UTC))
            // Delivered when the receiver's answer came, not when the attempt was sent.
            .param(
                "answered",
                attempted.at().plusMillis(attempted.latencyMillis()).atOffset(ZoneOffset.UTC))
            .param("latency", attempted.latencyMillis())
            .param("id", attempt.id())
            .param("attempts", attempt.attempts())
            .param("lease", attempt.lease().atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .single();
    if (settled == 0) {
      log.warn(
          "Webhook delivery {}: the outcome of attempt {} changed nothing, as the delivery had"
              + " been claimed again or replayed meanwhile",
          attempt.id(),
          attempt.attempts());
    }
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

  /** Settles a delivery no attempt was made for (its endpoint was deleted). */
  private void finish(Attempt attempt, String status, Integer statusCode, String error) {
    jdbc.sql(
            """
            update webhook_deliveries
               set status = :status, next_attempt_at = null, last_status_code = :code,
                   last_error = :error, delivered_at = null
             where id = :id and status = 'PENDING' and attempts = :attempts
               and next_attempt_at = :lease
            """)
        .param("status", status)
        .param("code", statusCode)
        .param("error", error)
        .param("id", attempt.id())
        .param("attempts", attempt.attempts())
        .param("lease", attempt.lease().atOffset(ZoneOffset.UTC))
        .update();
  }
}
