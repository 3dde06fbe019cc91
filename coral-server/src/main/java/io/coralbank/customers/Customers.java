package io.coralbank.customers;

import io.coralbank.platform.UnscopedLookup;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Creates and finds customers. */
@Service
public class Customers {

  public static final int MAXIMUM_NAME_LENGTH = 200;

  private final JdbcClient jdbc;
  private final Clock clock;

  Customers(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Creates a customer; the caller has checked the name is 1 to 200 characters. */
  public Customer create(String name, CustomerType type) {
    return create(UUID.randomUUID(), name, type);
  }

  /** Creates a customer with a chosen id (sandbox demo data has fixed, documented ids). */
  public Customer create(UUID id, String name, CustomerType type) {
    Customer customer =
        new Customer(id, name, type, clock.instant().truncatedTo(ChronoUnit.MICROS));
    jdbc.sql("insert into customers (id, name, type, created_at) values (:id, :name, :type, :at)")
        .param("id", customer.id())
        .param("name", customer.name())
        .param("type", customer.type().name())
        .param("at", customer.createdAt().atOffset(ZoneOffset.UTC))
        .update();
    return customer;
  }

  /**
   * The customer an authenticated caller belongs to ({@code callerCustomerId} comes from the
   * caller's credentials, never from the request): scoped by construction.
   */
  public Customer own(UUID callerCustomerId) {
    return find(callerCustomerId).orElseThrow();
  }

  @UnscopedLookup
  public Optional<Customer> find(UUID id) {
    return jdbc.sql("select id, name, type, created_at from customers where id = :id")
        .param("id", id)
        .query(
            (row, number) ->
                new Customer(
                    row.getObject("id", UUID.class),
                    row.getString("name"),
                    CustomerType.valueOf(row.getString("type")),
                    row.getObject("created_at", OffsetDateTime.class).toInstant()))
        .optional();
  }

  public boolean exists(UUID id) {
    return jdbc.sql("select exists (select 1 from customers where id = :id)")
        .param("id", id)
        .query(Boolean.class)
        .single();
  }
}
