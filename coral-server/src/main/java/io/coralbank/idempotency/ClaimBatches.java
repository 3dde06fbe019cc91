package io.coralbank.idempotency;

import io.coralbank.audit.AuditEntry;
import io.coralbank.platform.database.DatabaseNotifications;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Claims and completes idempotency keys in batches shared by concurrent requests (ADR 0009), for
 * routes whose only effect is ledger transfers with ids derived from the key.
 *
 * <p>Unlike {@link IdempotencyKeys}, nothing here runs in the request's transaction: a claim is
 * committed before its effect, with the claiming process as its owner, and the response is stored
 * after the effect, together with the request's audit entry, in one statement. Each is one round
 * trip per batch instead of one or more per request. A retry that finds a claim still in progress
 * waits for it while its owner lives (the owner's presence lock, {@link DatabaseNotifications}) and
 * its lease runs; after that it takes the claim over and runs the request again. Running a ledger
 * request twice is safe, because its transfer ids derive from the key and the ledger answers the
 * second run "exists": that is why only such routes may use this.
 */
@Service
public class ClaimBatches implements AutoCloseable {

  /**
   * How long a claim is trusted while its owner lives. It bounds the wait of a retry for a request
   * that hangs, or whose completion and release both failed.
   */
  static final Duration LEASE = Duration.ofMinutes(2);

  private static final int MAXIMUM_BATCH = 256;
  private static final int ATTEMPTS = 3;
  private static final long LONGEST_PAUSE_MILLISECONDS = 100;

  /**
   * A completed request: its stored response, and its audit entry unless it is audited elsewhere.
   */
  public record Completion(
      String principal, String route, String key, StoredResponse response, AuditEntry audit) {}

  private record ClaimRequest(String principal, String route, String key, byte[] requestHash) {

    List<String> identity() {
      return List.of(principal, route, key);
    }
  }

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration lifetime;
  private final Duration waitForFirst;
  private final DatabaseNotifications presence;
  private final Batcher<ClaimRequest, Boolean> claims;
  private final Batcher<Completion, Boolean> completions;

  ClaimBatches(
      JdbcClient jdbc,
      Clock clock,
      IdempotencyProperties properties,
      DatabaseNotifications presence) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lifetime = properties.lifetime();
    this.waitForFirst = properties.waitForFirst();
    this.presence = presence;
    this.claims = new Batcher<>("idempotency-claims", MAXIMUM_BATCH, this::claimAll);
    this.completions = new Batcher<>("idempotency-completions", MAXIMUM_BATCH, this::completeAll);
  }

  /** Claims a key, committed; a claim that is not granted at once waits as described above. */
  public Claim claim(String principal, String route, String key, byte[] requestHash) {
    ClaimRequest request = new ClaimRequest(principal, route, key, requestHash);
    if (claims.submit(request)) {
      return new Claim.Granted();
    }
    return awaitFirst(request);
  }

  /**
   * Stores a granted claim's response and writes its audit entry, committed together. A claim taken
   * over meanwhile by another process (this one was thought dead) is left to that process; the
   * audit entry is written all the same, because this request did run.
   */
  public void complete(Completion completion) {
    completions.submit(completion);
  }

  /** Gives up a granted claim whose request ended without a response to store. */
  public void release(String principal, String route, String key) {
    jdbc.sql(
            "delete from idempotency_keys where principal = :principal and route = :route"
                + " and key = :key and owner = :owner and status_code is null")
        .param("principal", principal)
        .param("route", route)
        .param("key", key)
        .param("owner", presence.presenceKey())
        .update();
  }

  /**
   * Inserts the batch's claims in one statement; each is granted if its row was inserted. The rows
   * go in key order, so two processes' batches that share keys wait on each other in one order and
   * cannot deadlock; a request whose key another request of the same batch claims is not granted
   * here, and waits for that one like any retry.
   */
  private List<Boolean> claimAll(List<ClaimRequest> batch) {
    Set<List<String>> seen = new HashSet<>();
    List<ClaimRequest> unique = new ArrayList<>();
    for (ClaimRequest request : batch) {
      if (seen.add(request.identity())) {
        unique.add(request);
      }
    }
    unique.sort(
        Comparator.comparing(ClaimRequest::principal)
            .thenComparing(ClaimRequest::route)
            .thenComparing(ClaimRequest::key));
    Set<List<String>> inserted = insertClaims(unique);
    List<Boolean> granted = new ArrayList<>();
    for (ClaimRequest request : batch) {
      // Only the first request of each key in the batch can own the inserted row.
      granted.add(inserted.remove(request.identity()));
    }
    return granted;
  }

  private Set<List<String>> insertClaims(List<ClaimRequest> unique) {
    OffsetDateTime now = now();
    for (int attempt = 1; ; attempt++) {
      try {
        // The claim's commit does not wait for the disk (synchronous_commit off, for this
        // statement's own transaction only). That loses nothing that matters: the log is written
        // in order, so the commit of the request's effect, which does wait, makes every earlier
        // claim durable too. A claim lost in a crash is one whose effect never committed, and its
        // retry simply claims again.
        return new HashSet<>(
            jdbc.sql(
                    """
                    with asynchronous as (select set_config('synchronous_commit', 'off', true))
                    insert into idempotency_keys (principal, route, key, request_hash, created_at,
                                                  expires_at, owner, lease_expires_at)
                    select principal, route, key, request_hash, :now, :expires, :owner, :lease
                      from unnest(:principals, :routes, :keys, :hashes)
                           as t(principal, route, key, request_hash), asynchronous
                    on conflict do nothing
                    returning principal, route, key
                    """)
                .param(
                    "principals",
                    unique.stream().map(ClaimRequest::principal).toArray(String[]::new))
                .param("routes", unique.stream().map(ClaimRequest::route).toArray(String[]::new))
                .param("keys", unique.stream().map(ClaimRequest::key).toArray(String[]::new))
                .param(
                    "hashes", unique.stream().map(ClaimRequest::requestHash).toArray(byte[][]::new))
                .param("now", now)
                .param("expires", now.plus(lifetime))
                .param("owner", presence.presenceKey())
                .param("lease", now.plus(LEASE))
                .query(
                    (row, number) ->
                        List.of(
                            row.getString("principal"),
                            row.getString("route"),
                            row.getString("key")))
                .list());
      } catch (ConcurrencyFailureException deadlocked) {
        // The statement is atomic and committed nothing; the same batch may simply run again.
        if (attempt == ATTEMPTS) {
          throw deadlocked;
        }
      }
    }
  }

  private List<Boolean> completeAll(List<Completion> batch) {
    List<AuditEntry> entries =
        batch.stream().map(Completion::audit).filter(entry -> entry != null).toList();
    jdbc.sql(
            """
            with stored as (
                update idempotency_keys k
                   set status_code = c.status_code, content_type = c.content_type, body = c.body,
                       lease_expires_at = null
                  from unnest(:principals, :routes, :keys, :statuses, :types, :bodies)
                       as c(principal, route, key, status_code, content_type, body)
                 where k.principal = c.principal and k.route = c.route and k.key = c.key
                   and k.owner = :owner and k.status_code is null),
            audited as (
                insert into audit_log (occurred_at, actor, customer_id, action, outcome, detail,
                                       remote_address, request_id)
                select :now, actor, customer_id, action, outcome, detail, remote_address, request_id
                  from unnest(:actors, :customers, :actions, :outcomes, :details, :addresses,
                              :requestIds)
                       as a(actor, customer_id, action, outcome, detail, remote_address, request_id))
            select 1
            """)
        .param("principals", batch.stream().map(Completion::principal).toArray(String[]::new))
        .param("routes", batch.stream().map(Completion::route).toArray(String[]::new))
        .param("keys", batch.stream().map(Completion::key).toArray(String[]::new))
        .param("statuses", batch.stream().map(c -> c.response().status()).toArray(Integer[]::new))
        .param("types", batch.stream().map(c -> c.response().contentType()).toArray(String[]::new))
        .param("bodies", batch.stream().map(c -> c.response().body()).toArray(byte[][]::new))
        .param("owner", presence.presenceKey())
        .param("now", now())
        .param("actors", entries.stream().map(AuditEntry::actor).toArray(String[]::new))
        .param("customers", entries.stream().map(AuditEntry::customerId).toArray(UUID[]::new))
        .param("actions", entries.stream().map(AuditEntry::action).toArray(String[]::new))
        .param("outcomes", entries.stream().map(AuditEntry::outcome).toArray(String[]::new))
        .param("details", entries.stream().map(AuditEntry::detail).toArray(String[]::new))
        .param("addresses", entries.stream().map(AuditEntry::remoteAddress).toArray(String[]::new))
        .param("requestIds", entries.stream().map(AuditEntry::requestId).toArray(String[]::new))
        .query()
        .singleValue();
    return batch.stream().map(completion -> Boolean.TRUE).toList();
  }

  private record Existing(
      byte[] requestHash, StoredResponse response, Integer owner, boolean abandoned) {}

  /**
   * Waits for the request that holds the key: replays its response once stored, refuses a different
   * request with the same key, takes over a claim whose owner died or whose lease ran out, and
   * claims a key whose first request gave it up. Waits at most {@code waitForFirst}.
   */
  private Claim awaitFirst(ClaimRequest request) {
    long deadline = System.nanoTime() + waitForFirst.toNanos();
    long pause = 2;
    while (true) {
      Optional<Existing> existing = read(request);
      if (existing.isEmpty()) {
        if (claimAlone(request)) {
          return new Claim.Granted();
        }
        continue;
      }
      Existing first = existing.get();
      if (first.response() != null) {
        return Claim.afterFirst(first.requestHash(), first.response(), request.requestHash());
      }
      if (first.abandoned() && takeOver(request, first.owner())) {
        return new Claim.Granted();
      }
      if (System.nanoTime() - deadline >= 0) {
        return new Claim.InProgress();
      }
      sleep(pause);
      pause = Math.min(pause * 2, LONGEST_PAUSE_MILLISECONDS);
    }
  }

  private Optional<Existing> read(ClaimRequest request) {
    return jdbc.sql(
            """
            select request_hash, status_code, content_type, body, owner,
                   (lease_expires_at < :now
                    or not exists (select 1 from pg_locks l
                                    where l.locktype = 'advisory' and l.granted
                                      and l.classid = cast(:namespace as oid)
                                      and l.objid = cast(owner as oid) and l.objsubid = 2))
                     as abandoned
              from idempotency_keys
             where principal = :principal and route = :route and key = :key
            """)
        .param("now", now())
        .param("namespace", DatabaseNotifications.PRESENCE_NAMESPACE)
        .param("principal", request.principal())
        .param("route", request.route())
        .param("key", request.key())
        .query(
            (row, number) -> {
              Integer status = row.getObject("status_code", Integer.class);
              Integer owner = row.getObject("owner", Integer.class);
              return new Existing(
                  row.getBytes("request_hash"),
                  status == null
                      ? null
                      : new StoredResponse(
                          status, row.getString("content_type"), row.getBytes("body")),
                  owner,
                  owner != null && row.getBoolean("abandoned"));
            })
        .optional();
  }

  /** Claims a key nobody holds any more (its first request released it), outside any batch. */
  private boolean claimAlone(ClaimRequest request) {
    return insertClaims(List.of(request)).contains(request.identity());
  }

  /** Makes this process the owner of an abandoned claim; false if another process was quicker. */
  private boolean takeOver(ClaimRequest request, Integer previousOwner) {
    OffsetDateTime now = now();
    // The request that takes over becomes the first: its hash is the one later retries must match,
    // as when a first request rolled back in a request transaction.
    return jdbc.sql(
                """
                update idempotency_keys
                   set owner = :owner, lease_expires_at = :lease, request_hash = :hash
                 where principal = :principal and route = :route and key = :key
                   and status_code is null and owner = :previous
                """)
            .param("owner", presence.presenceKey())
            .param("lease", now.plus(LEASE))
            .param("hash", request.requestHash())
            .param("principal", request.principal())
            .param("route", request.route())
            .param("key", request.key())
            .param("previous", previousOwner)
            .update()
        == 1;
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }

  private static void sleep(long milliseconds) {
    try {
      Thread.sleep(milliseconds);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new ConcurrencyFailureException("Interrupted while waiting for a first request");
    }
  }

  @Override
  public void close() {
    claims.close();
    completions.close();
  }
}
