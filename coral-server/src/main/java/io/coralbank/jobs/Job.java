package io.coralbank.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A background job and its progress.
 *
 * @param customHeaders headers the client asked to have echoed in the completion callback
 */
public record Job(
    UUID id,
    UUID customerId,
    String type,
    Status status,
    String callbackUrl,
    Map<String, String> customHeaders,
    int total,
    int completed,
    int failed,
    Instant createdAt,
    Instant updatedAt) {

  /** BCB's job statuses, which are Coral's. */
  public enum Status {
    Pending,
    InProgress,
    Completed,
    CompletedWithErrors,
    Cancelled
  }

  /** One item's outcome, once it has run. */
  public record Item(
      int position, String status, Integer httpStatus, String error, String result) {}
}
