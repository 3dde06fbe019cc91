package io.coralbank.payments;

import io.coralbank.accounts.Rail;
import io.coralbank.platform.UnscopedLookup;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads outbound payments, always within one customer: another customer's payment is absent. */
@Service
public class Payments {

  static final String SELECT =
      """
      select p.*, a.account_number, a.public_id as debit_account_public_id,
             c.public_id as credit_account_public_id
        from payments p join accounts a on a.id = p.debit_account_id
        left join accounts c on c.id = p.credit_account_id
      """;

  static final RowMapper<Payment> PAYMENT =
      (row, number) ->
          new Payment(
              row.getString("id"),
              row.getString("public_id"),
              strings(row.getArray("hold_transfer_ids")).getFirst(),
              row.getObject("customer_id", UUID.class),
              Rail.valueOf(row.getString("rail")),
              PaymentStatus.valueOf(row.getString("status")),
              row.getString("account_number"),
              row.getString("debit_account_public_id"),
              row.getString("debit_currency"),
              row.getLong("debit_amount"),
              row.getString("credit_currency"),
              row.getLong("credit_amount"),
              row.getBigDecimal("exchange_rate"),
              row.getString("external_reference"),
              strings(row.getArray("remittance_information")),
              row.getString("creditor_account"),
              row.getString("creditor_name"),
              row.getString("creditor_agent"),
              row.getString("intermediary_agent"),
              row.getString("charges_type"),
              row.getString("credit_account_public_id"),
              row.getObject("value_date", java.time.LocalDate.class),
              row.getString("status_reason"),
              row.getObject("created_at", OffsetDateTime.class).toInstant(),
              row.getObject("updated_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;

  Payments(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The customer's payment with this id (the ledger transaction id of its hold). */
  public Optional<Payment> findForCustomer(UUID customerId, String paymentId) {
    return jdbc.sql(SELECT + " where p.id = :id and p.customer_id = :customer")
        .param("id", paymentId)
        .param("customer", customerId)
        .query(PAYMENT)
        .optional();
  }

  /** Any customer's payment: for the operator only. */
  @UnscopedLookup
  public Optional<Payment> find(String paymentId) {
    return jdbc.sql(SELECT + " where p.id = :id").param("id", paymentId).query(PAYMENT).optional();
  }

  /** The newest payment's position on the account: the bound that keeps a paged list stable. */
  public long lastPositionOfAccount(long accountId) {
    return jdbc.sql(
            "select coalesce(max(sequence), 0) from payments where debit_account_id = :account")
        .param("account", accountId)
        .query(Long.class)
        .single();
  }

  public long countOfAccount(long accountId, long bound) {
    return jdbc.sql(
            "select count(*) from payments where debit_account_id = :account and sequence <="
                + " :bound")
        .param("account", accountId)
        .param("bound", bound)
        .query(Long.class)
        .single();
  }

  /** The account's payments up to {@code bound}, newest first. */
  public List<Payment> pageOfAccount(long accountId, long bound, long offset, int limit) {
    return jdbc.sql(
            SELECT
                + " where p.debit_account_id = :account and p.sequence <= :bound"
                + " order by p.sequence desc offset :offset limit :limit")
        .param("account", accountId)
        .param("bound", bound)
        .param("offset", offset)
        .param("limit", limit)
        .query(PAYMENT)
        .list();
  }

  /** The customer's payment with this public id (Cayman's {@code tr_...}). */
  public Optional<Payment> findByPublicIdForCustomer(UUID customerId, String publicId) {
    return jdbc.sql(SELECT + " where p.public_id = :id and p.customer_id = :customer")
        .param("id", publicId)
        .param("customer", customerId)
        .query(PAYMENT)
        .optional();
  }

  /**
   * Which of a customer's publicly named payments a list shows.
   *
   * @param status null for any
   * @param currency null for any
   * @param createdFrom null for no lower bound (inclusive)
   * @param createdTo null for no upper bound (inclusive)
   */
  public record Filter(
      PaymentStatus status, String currency, Instant createdFrom, Instant createdTo) {}

  /**
   * The customer's publicly named payments, newest first, after the one whose public id is {@code
   * after} (null: from the newest), at most {@code limit}.
   */
  public List<Payment> pageOfCustomer(UUID customerId, Filter filter, String after, int limit) {
    StringBuilder sql =
        new StringBuilder(SELECT + " where p.customer_id = :customer and p.public_id is not null");
    if (after != null) {
      sql.append(
          " and p.sequence < (select sequence from payments where public_id = :after"
              + " and customer_id = :customer)");
    }
    if (filter.status() != null) {
      sql.append(" and p.status = :status");
    }
    if (filter.currency() != null) {
      sql.append(" and p.credit_currency = :currency");
    }
    if (filter.createdFrom() != null) {
      sql.append(" and p.created_at >= :from");
    }
    if (filter.createdTo() != null) {
      sql.append(" and p.created_at <= :to");
    }
    sql.append(" order by p.sequence desc limit :limit");
    var statement = jdbc.sql(sql.toString()).param("customer", customerId).param("limit", limit);
    if (after != null) {
      statement = statement.param("after", after);
    }
    if (filter.status() != null) {
      statement = statement.param("status", filter.status().name());
    }
    if (filter.currency() != null) {
      statement = statement.param("currency", filter.currency());
    }
    if (filter.createdFrom() != null) {
      statement = statement.param("from", filter.createdFrom().atOffset(ZoneOffset.UTC));
    }
    if (filter.createdTo() != null) {
      statement = statement.param("to", filter.createdTo().atOffset(ZoneOffset.UTC));
    }
    return statement.query(PAYMENT).list();
  }

  /** Whether the customer has a publicly named payment with this id: a cursor must be theirs. */
  public boolean isPublicIdOfCustomer(UUID customerId, String publicId) {
    return jdbc.sql(
            "select exists (select 1 from payments where public_id = :id and customer_id ="
                + " :customer)")
        .param("id", publicId)
        .param("customer", customerId)
        .query(Boolean.class)
        .single();
  }

  private static List<String> strings(Array array) throws SQLException {
    return Arrays.asList((String[]) array.getArray());
  }
}
