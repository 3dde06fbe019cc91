package io.coralbank.payments;

import io.coralbank.accounts.Rail;
import io.coralbank.events.DomainEvent;
import io.coralbank.events.Events;
import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.LedgerReversals;
import io.coralbank.ledger.ReversalResult;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import io.coralbank.rails.NetworkPlan;
import io.coralbank.rails.NetworkStep;
import io.coralbank.rails.SimulatedNetwork;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Carries out what the network decides about a pending payment: settle (post the holds), fail (void
 * them) or, after settlement, return (reverse the settlement). The scheduled job does each step
 * when it falls due; a sandbox operator can force the first two at once.
 *
 * <p>Each step locks the payment's row, so two server processes never carry out the same step, and
 * derives its ledger transfer ids from the holds', so a step repeated after a crash between the
 * ledger's commit and the payment's update moves nothing twice.
 */
@Service
public class PaymentLifecycle {

  private static final Logger log = LoggerFactory.getLogger(PaymentLifecycle.class);
  private static final int BATCH = 100;

  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final LedgerReversals reversals;
  private final SimulatedNetwork network;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final Events events;

  PaymentLifecycle(
      Events events,
      JdbcClient jdbc,
      Ledger ledger,
      LedgerReversals reversals,
      SimulatedNetwork network,
      PlatformTransactionManager transactionManager,
      Clock clock) {
    this.events = events;
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.reversals = reversals;
    this.network = network;
    this.transactions = new TransactionTemplate(transactionManager);
    this.clock = clock;
  }

  /** What an operator's request to settle or fail a payment came to. */
  public sealed interface StepOutcome {
    record Done(Payment payment) implements StepOutcome {}

    /** The payment is no longer pending: the network answered first. */
    record NotPending(Payment payment) implements StepOutcome {}

    record NotFound() implements StepOutcome {}
  }

  /** Settles a pending payment now, whatever the network planned. */
  public StepOutcome settleNow(String paymentId) {
    return operatorStep(paymentId, NetworkStep.SETTLE, null);
  }

  /**
   * Cancels the customer's pending payment: its hold is released and nothing leaves the account.
   * Another customer's payment is not found.
   */
  public StepOutcome cancel(UUID customerId, String paymentId) {
    return transactions.execute(
        status -> {
          Optional<Row> row = lock(paymentId, false);
          if (row.isEmpty() || !row.get().customerId().equals(customerId)) {
            return new StepOutcome.NotFound();
          }
          if (!row.get().status().equals(PaymentStatus.PENDING.name())) {
            return new StepOutcome.NotPending(payment(paymentId));
          }
          release(row.get(), PaymentStatus.CANCELED, "Canceled by the customer");
          return new StepOutcome.Done(payment(paymentId));
        });
  }

  /** Fails a pending payment now, whatever the network planned. */
  public StepOutcome failNow(String paymentId, String reason) {
    return operatorStep(paymentId, NetworkStep.FAIL, reason);
  }

  private StepOutcome operatorStep(String paymentId, NetworkStep step, String reason) {
    return transactions.execute(
        status -> {
          Optional<Row> row = lock(paymentId, false);
          if (row.isEmpty()) {
            return new StepOutcome.NotFound();
          }
          if (!row.get().status().equals(PaymentStatus.PENDING.name())) {
            return new StepOutcome.NotPending(payment(paymentId));
          }
          carryOut(row.get(), step, reason);
          return new StepOutcome.Done(payment(paymentId));
        });
  }

  /** Carries out every step that has fallen due, in due order. */
  @Scheduled(fixedDelayString = "${coral.rails.poll-interval}")
  public void carryOutDueSteps() {
    int rounds = 0;
    List<String> due;
    do {
      due =
          jdbc.sql(
                  """
                  select id from payments
                   where next_step is not null and next_step_at <= :now
                   order by next_step_at limit :limit
                  """)
              .param("now", clock.instant().atOffset(ZoneOffset.UTC))
              .param("limit", BATCH)
              .query(String.class)
              .list();
      for (String paymentId : due) {
        try {
          transactions.executeWithoutResult(
              status -> lock(paymentId, true).ifPresent(row -> carryOut(row, row.step(), null)));
        } catch (RuntimeException failure) {
          // One payment's trouble (the ledger briefly unavailable) must not stop the others;
          // its step stays due and the next run tries again.
          log.warn("Could not carry out the network's step for payment {}", paymentId, failure);
        }
      }
    } while (due.size() == BATCH && ++rounds < 10);
  }

  private record Row(
      String id,
      UUID customerId,
      String status,
      Rail rail,
      String creditorAccount,
      String creditorName,
      List<String> holdIds,
      NetworkStep step,
      String stepReason,
      String settledTransactionId,
      String description) {}

  /** Locks the payment's row; {@code onlyDue} skips it unless its step is due and unclaimed. */
  private Optional<Row> lock(String paymentId, boolean onlyDue) {
    String condition =
        onlyDue
            ? " and next_step is not null and next_step_at <= :now for update skip locked"
            : " for update";
    var statement =
        jdbc.sql(
                "select id, customer_id, status, rail, creditor_account, creditor_name, hold_transfer_ids, next_step,"
                    + " next_step_reason, settled_transaction_id, external_reference"
                    + " from payments where id = :id"
                    + condition)
            .param("id", paymentId);
    if (onlyDue) {
      statement = statement.param("now", clock.instant().atOffset(ZoneOffset.UTC));
    }
    return statement
        .query(
            (row, number) ->
                new Row(
                    row.getString("id"),
                    row.getObject("customer_id", UUID.class),
                    row.getString("status"),
                    Rail.valueOf(row.getString("rail")),
                    row.getString("creditor_account"),
                    row.getString("creditor_name"),
                    Arrays.asList((String[]) row.getArray("hold_transfer_ids").getArray()),
                    row.getString("next_step") == null
                        ? null
                        : NetworkStep.valueOf(row.getString("next_step")),
                    row.getString("next_step_reason"),
                    row.getString("settled_transaction_id"),
                    row.getString("rail") + " payment " + row.getString("external_reference")))
        .optional();
  }

  private void carryOut(Row row, NetworkStep step, String operatorReason) {
    switch (step) {
      case SETTLE -> settle(row);
      case FAIL ->
          fail(
              row,
              operatorReason != null
                  ? operatorReason
                  : row.stepReason() != null ? row.stepReason() : "Failed by the operator");
      case RETURN -> giveBack(row);
    }
  }

  private void settle(Row row) {
    List<TransferRequest> posts = new ArrayList<>();
    for (int index = 0; index < row.holdIds().size(); index++) {
      String holdId = row.holdIds().get(index);
      posts.add(
          new TransferRequest(
              new TransferCommand.PostHold(
                  "settle:" + holdId, holdId, null, index < row.holdIds().size() - 1),
              OutboundPayments.OUTWARD_TRANSFER_CODE,
              row.description()));
    }
    List<TransferResult> results = ledger.submit(posts);
    Optional<String> transactionId = transactionOf(results);
    if (transactionId.isEmpty()) {
      Rejection cause = OutboundPayments.firstCause(results);
      // The hold can no longer be posted (it expired before the network answered): the money
      // never left, so the payment failed.
      update(
          row.id(),
          PaymentStatus.FAILED,
          "The payment could not be settled: " + cause.code(),
          null,
          null,
          null);
      return;
    }
    Instant now = clock.instant();
    NetworkPlan next =
        network.afterSettlement(row.rail(), row.creditorAccount(), row.creditorName(), now);
    update(row.id(), PaymentStatus.COMPLETED, null, transactionId.get(), null, next);
  }

  private void fail(Row row, String reason) {
    release(row, PaymentStatus.FAILED, reason);
  }

  /** Voids the payment's holds and gives it its final status: failed or canceled. */
  private void release(Row row, PaymentStatus status, String reason) {
    List<TransferRequest> voids = new ArrayList<>();
    for (int index = 0; index < row.holdIds().size(); index++) {
      String holdId = row.holdIds().get(index);
      voids.add(
          new TransferRequest(
              new TransferCommand.VoidHold(
                  "void:" + holdId, holdId, index < row.holdIds().size() - 1),
              OutboundPayments.OUTWARD_TRANSFER_CODE,
              row.description()));
    }
    List<TransferResult> results = ledger.submit(voids);
    if (transactionOf(results).isEmpty()) {
      Rejection cause = OutboundPayments.firstCause(results);
      if (cause != Rejection.HOLD_EXPIRED && cause != Rejection.HOLD_ALREADY_VOIDED) {
        throw new IllegalStateException(
            "The hold of payment " + row.id() + " could not be released: " + cause.code());
      }
      // Already released by expiry: the outcome is the same, nothing left the account.
    }
    update(row.id(), status, reason, null, null, null);
  }

  private void giveBack(Row row) {
    if (!row.status().equals(PaymentStatus.COMPLETED.name())) {
      clearStep(row.id());
      return;
    }
    String reversal =
        switch (reversals.reverse(row.settledTransactionId(), "Returned: " + row.description())) {
          case ReversalResult.Reversed reversed -> reversed.transactionId();
          case ReversalResult.AlreadyReversed already -> already.transactionId();
          case ReversalResult.NotFound notFound ->
              throw new IllegalStateException("No settlement to reverse for " + row.id());
          case ReversalResult.NothingToReverse nothing ->
              throw new IllegalStateException("No settlement to reverse for " + row.id());
          case ReversalResult.Refused refused ->
              throw new IllegalStateException(
                  "The return of " + row.id() + " was refused: " + refused.rejection().code());
        };
    update(row.id(), PaymentStatus.REVERSED, row.stepReason(), null, reversal, null);
  }

  private static Optional<String> transactionOf(List<TransferResult> results) {
    String transactionId = null;
    for (TransferResult result : results) {
      switch (result) {
        case TransferResult.Applied applied -> transactionId = applied.transactionId();
        case TransferResult.AlreadyApplied exists -> transactionId = exists.transactionId();
        case TransferResult.Rejected rejected -> {
          return Optional.empty();
        }
      }
    }
    return Optional.ofNullable(transactionId);
  }

  private void update(
      String paymentId,
      PaymentStatus status,
      String reason,
      String settledTransactionId,
      String reversalTransactionId,
      NetworkPlan next) {
    boolean hasNext = next != null && !next.isNone();
    jdbc.sql(
            """
            update payments
               set status = :status,
                   status_reason = :reason,
                   settled_transaction_id = coalesce(:settled, settled_transaction_id),
                   reversal_transaction_id = :reversal,
                   next_step = :step, next_step_at = :stepAt, next_step_reason = :stepReason,
                   updated_at = :now
             where id = :id
            """)
        .param("status", status.name())
        .param("reason", reason)
        .param("settled", settledTransactionId)
        .param("reversal", reversalTransactionId)
        .param("step", hasNext ? next.step().name() : null)
        .param("stepAt", hasNext ? next.at().atOffset(ZoneOffset.UTC) : null)
        .param("stepReason", hasNext ? next.reason() : null)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", paymentId)
        .update();
    events.publish(
        new DomainEvent(
            customerOf(paymentId), DomainEvent.Subject.PAYMENT, paymentId, status.name()));
  }

  private UUID customerOf(String paymentId) {
    return jdbc.sql("select customer_id from payments where id = :id")
        .param("id", paymentId)
        .query(UUID.class)
        .single();
  }

  private void clearStep(String paymentId) {
    jdbc.sql(
            "update payments set next_step = null, next_step_at = null, next_step_reason = null"
                + " where id = :id")
        .param("id", paymentId)
        .update();
  }

  private Payment payment(String paymentId) {
    return jdbc.sql(Payments.SELECT + " where p.id = :id")
        .param("id", paymentId)
        .query(Payments.PAYMENT)
        .single();
  }
}
