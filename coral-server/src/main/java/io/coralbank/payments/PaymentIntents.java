package io.coralbank.payments;

import com.github.f4b6a3.ulid.UlidCreator;
import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.accounts.Rail;
import io.coralbank.events.DomainEvent;
import io.coralbank.events.Events;
import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import io.coralbank.rails.RailsProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Payment intents: created by a merchant, confirmed by a payer with a card (the simulated card
 * network answers after the rails' settlement delay) or with a wallet of the payer's own (the money
 * moves at once). Every change locks the intent's row, and each ledger transfer's id derives from
 * the intent's, so an intent is paid at most once whatever is retried.
 */
@Service
public class PaymentIntents {

  public static final String PREFIX = "pi_";
  private static final Logger log = LoggerFactory.getLogger(PaymentIntents.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An intent just created, with its client secret: the only time the secret is shown. */
  public record Created(PaymentIntent intent, String clientSecret) {}

  /** What a payer's or merchant's action on an intent came to. */
  public sealed interface Outcome {
    /** The action was taken; the intent as it now stands (possibly FAILED). */
    record Done(PaymentIntent intent) implements Outcome {}

    /** No such intent for this caller, or the client secret does not match it. */
    record NotFound() implements Outcome {}

    /** The intent is past the state the action needs. */
    record WrongState(PaymentIntent intent) implements Outcome {}

    /** The ledger refused the wallet payment for a reason other than the balance. */
    record Refused(Rejection rejection) implements Outcome {}

    /** The payer has no such wallet, or none in the intent's currency. */
    record NoWallet() implements Outcome {}
  }

  private final JdbcClient jdbc;
  private final Accounts accounts;
  private final Ledger ledger;
  private final Events events;
  private final RailsProperties rails;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  PaymentIntents(
      JdbcClient jdbc,
      Accounts accounts,
      Ledger ledger,
      Events events,
      RailsProperties rails,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.ledger = ledger;
    this.events = events;
    this.rails = rails;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  private final RowMapper<PaymentIntent> intent =
      (row, number) ->
          new PaymentIntent(
              row.getString("id"),
              row.getObject("customer_id", UUID.class),
              row.getLong("amount"),
              row.getString("currency"),
              row.getString("description"),
              JSON.readValue(
                  row.getString("metadata"), new TypeReference<LinkedHashMap<String, String>>() {}),
              PaymentIntent.Status.valueOf(row.getString("status")),
              row.getString("destination_public_id"),
              row.getString("payment_method_type"),
              row.getString("card_brand"),
              row.getString("card_last4"),
              row.getString("failure_reason"),
              row.getObject("created_at", OffsetDateTime.class).toInstant(),
              row.getObject("updated_at", OffsetDateTime.class).toInstant());

  private static final String SELECT =
      "select i.*, a.public_id as destination_public_id from payment_intents i"
          + " join accounts a on a.id = i.destination_account_id";

  /**
   * Creates an intent paying into the merchant's wallet in {@code currency}; empty when the
   * merchant has no such wallet.
   */
  public Optional<Created> create(
      UUID customerId,
      String currency,
      long amount,
      String description,
      Map<String, String> metadata) {
    Optional<Account> wallet = accounts.defaultWallet(customerId, currency);
    if (wallet.isEmpty()) {
      return Optional.empty();
    }
    String id = PREFIX + UlidCreator.getMonotonicUlid();
    byte[] bytes = new byte[24];
    random.nextBytes(bytes);
    String secret = id + "_secret_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into payment_intents (id, customer_id, amount, currency, description, metadata,
                                         status, client_secret_hash, destination_account_id,
                                         created_at, updated_at)
            values (:id, :customer, :amount, :currency, :description, :metadata,
                    'REQUIRES_PAYMENT_METHOD', :hash, :destination, :now, :now)
            """)
        .param("id", id)
        .param("customer", customerId)
        .param("amount", amount)
        .param("currency", currency)
        .param("description", description)
        .param("metadata", JSON.writeValueAsString(metadata))
        .param("hash", sha256(secret))
        .param("destination", wallet.get().id())
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    return Optional.of(new Created(find(id).orElseThrow(), secret));
  }

  public Optional<PaymentIntent> findForCustomer(UUID customerId, String id) {
    return find(id).filter(found -> found.customerId().equals(customerId));
  }

  /** The customer's intents, newest first, after {@code after} (null: from the newest). */
  public List<PaymentIntent> page(UUID customerId, String after, int limit) {
    String sql =
        SELECT
            + " where i.customer_id = :customer"
            + (after == null
                ? ""
                : " and i.sequence < (select sequence from payment_intents where id = :after"
                    + " and customer_id = :customer)")
            + " order by i.sequence desc limit :limit";
    var statement = jdbc.sql(sql).param("customer", customerId).param("limit", limit);
    if (after != null) {
      statement = statement.param("after", after);
    }
    return statement.query(intent).list();
  }

  /** The merchant cancels an intent nobody has paid or started to pay. */
  public Outcome cancel(UUID customerId, String id) {
    return transactions.execute(
        status -> {
          Optional<PaymentIntent> locked = lock(id).filter(i -> i.customerId().equals(customerId));
          if (locked.isEmpty()) {
            return new Outcome.NotFound();
          }
          if (locked.get().status() != PaymentIntent.Status.REQUIRES_PAYMENT_METHOD) {
            return new Outcome.WrongState(locked.get());
          }
          update(id, PaymentIntent.Status.CANCELED, null, null);
          return new Outcome.Done(find(id).orElseThrow());
        });
  }

  /**
   * A payer confirms with a card, authorised by the client secret alone. The card network answers
   * after the rails' settlement delay; only the brand and last four digits are kept.
   */
  public Outcome confirmWithCard(String id, String clientSecret, String cardNumber) {
    return transactions.execute(
        status -> {
          Optional<PaymentIntent> locked =
              lock(id).filter(i -> secretMatches(i.id(), clientSecret));
          if (locked.isEmpty()) {
            return new Outcome.NotFound();
          }
          if (locked.get().status() != PaymentIntent.Status.REQUIRES_PAYMENT_METHOD) {
            return new Outcome.WrongState(locked.get());
          }
          jdbc.sql(
                  """
                  update payment_intents
                     set status = 'PROCESSING', payment_method_type = 'card', card_brand = :brand,
                         card_last4 = :last4, card_outcome = :outcome, settle_at = :settleAt,
                         updated_at = :now
                   where id = :id
                  """)
              .param("brand", TestCards.brand(cardNumber))
              .param("last4", cardNumber.substring(cardNumber.length() - 4))
              .param("outcome", TestCards.outcome(cardNumber).name())
              .param(
                  "settleAt",
                  clock.instant().plus(rails.settlementDelay()).atOffset(ZoneOffset.UTC))
              .param("now", clock.instant().atOffset(ZoneOffset.UTC))
              .param("id", id)
              .update();
          return new Outcome.Done(find(id).orElseThrow());
        });
  }

  /**
   * A customer of the bank pays the intent from its own wallet, authorised by its own key and the
   * client secret. The money moves at once; a balance too low fails the intent.
   */
  public Outcome payFromWallet(
      String id, String clientSecret, UUID payerCustomerId, String sourceWallet) {
    return transactions.execute(
        status -> {
          Optional<PaymentIntent> locked =
              lock(id).filter(i -> secretMatches(i.id(), clientSecret));
          if (locked.isEmpty()) {
            return new Outcome.NotFound();
          }
          PaymentIntent current = locked.get();
          if (current.status() != PaymentIntent.Status.REQUIRES_PAYMENT_METHOD) {
            return new Outcome.WrongState(current);
          }
          Optional<Account> wallet =
              sourceWallet == null
                  ? accounts.defaultWallet(payerCustomerId, current.currency())
                  : accounts.findWalletForCustomer(payerCustomerId, sourceWallet);
          if (wallet.isEmpty()) {
            return new Outcome.NoWallet();
          }
          Account payerWallet = wallet.get();
          TransferResult result =
              ledger.submit(
                  new TransferRequest(
                      new TransferCommand.Posting(
                          "pi-wallet:" + id,
                          payerWallet.id(),
                          destinationOf(id),
                          current.currency(),
                          current.amount(),
                          false),
                      null,
                      "Payment " + id));
          jdbc.sql(
                  "update payment_intents set payment_method_type = 'wallet', payer_account_id = :payer where id = :id")
              .param("payer", payerWallet.id())
              .param("id", id)
              .update();
          return switch (result) {
            case TransferResult.Applied applied -> succeed(id, applied.transactionId());
            case TransferResult.AlreadyApplied exists -> succeed(id, exists.transactionId());
            case TransferResult.Rejected rejected
                when rejected.rejection() == Rejection.INSUFFICIENT_FUNDS ->
                fail(id, "insufficient_funds");
            case TransferResult.Rejected rejected -> new Outcome.Refused(rejected.rejection());
          };
        });
  }

  /** Settles card payments whose network answer has fallen due. */
  @Scheduled(fixedDelayString = "${coral.rails.poll-interval}")
  public void settleDueCards() {
    List<String> due =
        jdbc.sql(
                "select id from payment_intents where settle_at is not null and settle_at <= :now"
                    + " order by settle_at limit 100")
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .query(String.class)
            .list();
    for (String id : due) {
      try {
        transactions.executeWithoutResult(status -> settleCard(id));
      } catch (RuntimeException failure) {
        log.warn("Could not settle card payment {}", id, failure);
      }
    }
  }

  private void settleCard(String id) {
    Optional<String> outcome =
        jdbc.sql(
                "select card_outcome from payment_intents where id = :id and settle_at is not null"
                    + " and settle_at <= :now for update skip locked")
            .param("id", id)
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .query(String.class)
            .optional();
    if (outcome.isEmpty()) {
      return;
    }
    switch (TestCards.Outcome.valueOf(outcome.get())) {
      case DECLINED -> fail(id, "card_declined");
      case INSUFFICIENT_FUNDS -> fail(id, "insufficient_funds");
      case APPROVED -> {
        PaymentIntent current = find(id).orElseThrow();
        Account cardClearing =
            accounts.bankAccount(AccountKind.CLEARING, current.currency(), Rail.CARD);
        TransferResult result =
            ledger.submit(
                new TransferRequest(
                    new TransferCommand.Posting(
                        "pi-card:" + id,
                        cardClearing.id(),
                        destinationOf(id),
                        current.currency(),
                        current.amount(),
                        false),
                    InboundPayments.ACCOUNT_CREDIT_CODE,
                    "Card payment " + id));
        switch (result) {
          case TransferResult.Applied applied -> succeed(id, applied.transactionId());
          case TransferResult.AlreadyApplied exists -> succeed(id, exists.transactionId());
          case TransferResult.Rejected rejected ->
              fail(id, "The card payment could not be credited: " + rejected.rejection().code());
        }
      }
    }
  }

  private Outcome succeed(String id, String transactionId) {
    update(id, PaymentIntent.Status.SUCCEEDED, transactionId, null);
    return new Outcome.Done(find(id).orElseThrow());
  }

  private Outcome fail(String id, String reason) {
    update(id, PaymentIntent.Status.FAILED, null, reason);
    return new Outcome.Done(find(id).orElseThrow());
  }

  private void update(
      String id, PaymentIntent.Status status, String transactionId, String failureReason) {
    jdbc.sql(
            """
            update payment_intents
               set status = :status, transaction_id = :transaction, failure_reason = :reason,
                   settle_at = null, updated_at = :now
             where id = :id
            """)
        .param("status", status.name())
        .param("transaction", transactionId)
        .param("reason", failureReason)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", id)
        .update();
    PaymentIntent changed = find(id).orElseThrow();
    events.publish(
        new DomainEvent(
            changed.customerId(), DomainEvent.Subject.PAYMENT_INTENT, id, status.name()));
  }

  private long destinationOf(String id) {
    return jdbc.sql("select destination_account_id from payment_intents where id = :id")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private Optional<PaymentIntent> lock(String id) {
    return jdbc.sql(SELECT + " where i.id = :id for update of i")
        .param("id", id)
        .query(intent)
        .optional();
  }

  private Optional<PaymentIntent> find(String id) {
    return jdbc.sql(SELECT + " where i.id = :id").param("id", id).query(intent).optional();
  }

  private boolean secretMatches(String id, String clientSecret) {
    if (clientSecret == null) {
      return false;
    }
    byte[] stored =
        jdbc.sql("select client_secret_hash from payment_intents where id = :id")
            .param("id", id)
            .query(byte[].class)
            .single();
    return MessageDigest.isEqual(stored, sha256(clientSecret));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
