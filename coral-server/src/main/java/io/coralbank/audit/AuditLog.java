package io.coralbank.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Writes and reads the audit log. */
@Service
public class AuditLog {

  public static final int MAXIMUM_PAGE = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Records an event now. Runs in the caller's transaction when there is one. */
  public void record(AuditEntry entry) {
    jdbc.sql(
            """
            insert into audit_log (occurred_at, actor, customer_id, action, outcome, detail,
                                   remote_address, request_id)
            values (:at, :actor, :customer, :action, :outcome, :detail, :address, :requestId)
            """)
        .param("at", clock.instant().atOffset(ZoneOffset.UTC))
        .param("actor", entry.actor())
        .param("customer", entry.customerId())
        .param("action", entry.action())
        .param("outcome", entry.outcome())
        .param("detail", entry.detail())
        .param("address", entry.remoteAddress())
        .param("requestId", entry.requestId())
        .update();
  }

  /**
   * Events newest first, optionally only of one customer and one action, before the event with id
   * {@code before} (null for the newest).
   */
  public List<AuditEvent> events(UUID customerId, String action, Long before, int limit) {
    StringBuilder sql =
        new StringBuilder(
            "select id, occurred_at, actor, customer_id, action, outcome, detail, remote_address,"
                + " request_id from audit_log where true");
    if (customerId != null) {
      sql.append(" and customer_id = :customer");
    }
    if (action != null) {
      sql.append(" and action = :action");
    }
    if (before != null) {
      sql.append(" and id < :before");
    }
    sql.append(" order by id desc limit :limit");
    JdbcClient.StatementSpec statement =
        jdbc.sql(sql.toString()).param("limit", Math.min(Math.max(limit, 1), MAXIMUM_PAGE));
    if (customerId != null) {
      statement = statement.param("customer", customerId);
    }
    if (action != null) {
      statement = statement.param("action", action);
    }
    if (before != null) {
      statement = statement.param("before", before);
    }
    return statement
        .query(
            (row, number) ->
                new AuditEvent(
                    row.getLong("id"),
                    row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                    row.getString("actor"),
                    row.getObject("customer_id", UUID.class),
                    row.getString("action"),
                    row.getString("outcome"),
                    row.getString("detail"),
                    row.getString("remote_address"),
                    row.getString("request_id")))
        .list();
  }
}
