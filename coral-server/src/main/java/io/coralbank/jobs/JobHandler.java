package io.coralbank.jobs;

import java.util.UUID;

/** Does one item of a job type. Runs inside the transaction that marks the item done. */
public interface JobHandler {

  /** The job type this handler does, such as {@code virtual-accounts.create}. */
  String type();

  /** Does the item for the job's customer; a refusal is an outcome, not an exception. */
  ItemOutcome run(UUID customerId, String payload);

  /** What became of one item. */
  sealed interface ItemOutcome {
    /** Done; {@code result} is the item's result as JSON, in the core's words. */
    record Succeeded(String result) implements ItemOutcome {}

    /** Refused, with why, in a sentence. */
    record Failed(String reason) implements ItemOutcome {}
  }
}
