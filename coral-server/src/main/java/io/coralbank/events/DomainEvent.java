package io.coralbank.events;

import java.util.UUID;

/**
 * A change a customer may want to hear about, in the core's words: what changed ({@code subject}
 * and {@code subjectId}, such as a payment and its id) and how ({@code change}, such as {@code
 * COMPLETED}). Dialects decide whether and how their clients hear of it.
 */
public record DomainEvent(UUID customerId, Subject subject, String subjectId, String change) {

  /** The kinds of object whose changes are reported. */
  public enum Subject {
    PAYMENT,
    PAYMENT_INTENT,
    /** Money from another bank arrived; the subject is the ledger transfer that credited it. */
    DEPOSIT,
    /** A background job finished; the subject is the job's id. */
    JOB
  }
}
