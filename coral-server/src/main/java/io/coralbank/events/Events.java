package io.coralbank.events;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outbox: stores each dialect's rendering of a domain event, and a delivery for every endpoint
 * subscribed to it, in the caller's transaction. Reads let a client catch up on its events.
 */
@Service
public class Events {

  /** A stored event as a client reads it. */
  public record StoredEvent(
      String id, UUID customerId, String dialect, String type, String payload, Instant createdAt) {}

  private static final RowMapper<StoredEvent> EVENT =
      (row, number) ->
          new StoredEvent(
              row.getString("id"),
              row.getObject("customer_id", UUID.class),
              row.getString("dialect"),
              row.getString("type"),
              row.getString("payload"),
              row.getObject("created_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;
  private final ObjectProvider<EventRenderer> renderers;
  private final Clock clock;

  /**
   * Renderers are looked up when an event is published, not when this service is built: a dialect's
   * renderer reads the objects of the very modules that publish through this service.
   */
  Events(JdbcClient jdbc, ObjectProvider<EventRenderer> renderers, Clock clock) {
    this.jdbc = jdbc;
    this.renderers = renderers;
    this.clock = clock;
  }

  /** Records the change for every dialect that reports it. Call inside the change's transaction. */
  public void publish(DomainEvent event) {
    Instant now = clock.instant();
    renderers
        .orderedStream()
        .forEach(
            renderer ->
                renderer
                    .render(event, now)
                    .ifPresent(rendered -> store(event.customerId(), rendered, now)));
  }

  private void store(UUID customerId, RenderedEvent event, Instant now) {
    int inserted =
        jdbc.sql(
                """
                insert into events (id, customer_id, dialect, type, object_id, payload, created_at)
                values (:id, :customer, :dialect, :type, :object, :payload, :now)
                on conflict (id) do nothing
                """)
            .param("id", event.id())
            .param("customer", customerId)
            .param("dialect", event.dialect())
            .param("type", event.type())
            .param("object", event.objectId())
            .param("payload", event.payload())
            .param("now", now.atOffset(ZoneOffset.UTC))
            .update();
    if (inserted == 0) {
      return;
    }
    jdbc.sql(
            """
            insert into webhook_deliveries (event_id, endpoint_id, status, next_attempt_at,
                                            created_at)
            select :event, id, 'PENDING', :now, :now
              from webhook_endpoints
             where customer_id = :customer and dialect = :dialect and not deleted
               and (case when cast(:target as text) is null
                         then :type = any(events) or '*' = any(events)
                         else id = :target end)
            """)
        .param("event", event.id())
        .param("target", event.targetEndpointId())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("customer", customerId)
        .param("dialect", event.dialect())
        .param("type", event.type())
        .update();
  }

  /** The customer's event of this dialect with this id. */
  public Optional<StoredEvent> find(UUID customerId, String dialect, String eventId) {
    return jdbc.sql(
            "select * from events where id = :id and customer_id = :customer and dialect ="
                + " :dialect")
        .param("id", eventId)
        .param("customer", customerId)
        .param("dialect", dialect)
        .query(EVENT)
        .optional();
  }

  /**
   * The customer's events of this dialect, newest first, after the event {@code after} (null: from
   * the newest), at most {@code limit}; only of {@code type} when it is not null.
   */
  public List<StoredEvent> page(
      UUID customerId, String dialect, String type, String after, int limit) {
    String sql =
        "select * from events where customer_id = :customer and dialect = :dialect"
            + (type == null ? "" : " and type = :type")
            + (after == null
                ? ""
                : " and sequence < (select sequence from events where id = :after"
                    + " and customer_id = :customer)")
            + " order by sequence desc limit :limit";
    var statement =
        jdbc.sql(sql).param("customer", customerId).param("dialect", dialect).param("limit", limit);
    if (type != null) {
      statement = statement.param("type", type);
    }
    if (after != null) {
      statement = statement.param("after", after);
    }
    return statement.query(EVENT).list();
  }
}
