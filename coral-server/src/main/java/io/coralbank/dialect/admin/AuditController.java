package io.coralbank.dialect.admin;

import io.coralbank.audit.AuditEvent;
import io.coralbank.audit.AuditLog;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for operators: newest first, by customer and action, a page at a time. */
@RestController
class AuditController {

  private final AuditLog audit;

  AuditController(AuditLog audit) {
    this.audit = audit;
  }

  /** One entry as the admin API shows it. */
  record Entry(
      long id,
      String occurredAt,
      String actor,
      String customerId,
      String action,
      String outcome,
      String remoteAddress,
      String requestId) {}

  /**
   * A page of entries.
   *
   * @param nextBefore pass as {@code before} for the next page; null on the last page
   */
  record Page(List<Entry> data, Long nextBefore) {}

  @GetMapping(path = "/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
  Page audit(
      @RequestParam(required = false) String customerId,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) Long before,
      @RequestParam(defaultValue = "100") int limit) {
    UUID customer = null;
    if (customerId != null) {
      customer =
          CustomersController.parseId(customerId)
              .orElseThrow(
                  () ->
                      AdminProblem.badRequest(
                          "customer_id_must_be_a_uuid", "customerId must be a UUID."));
    }
    if (limit < 1 || limit > AuditLog.MAXIMUM_PAGE) {
      throw AdminProblem.badRequest(
          "limit_must_be_in_range", "limit must be from 1 to " + AuditLog.MAXIMUM_PAGE + ".");
    }
    List<AuditEvent> events = audit.events(customer, action, before, limit);
    List<Entry> entries =
        events.stream()
            .map(
                event ->
                    new Entry(
                        event.id(),
                        event.occurredAt().toString(),
                        event.actor(),
                        event.customerId() == null ? null : event.customerId().toString(),
                        event.action(),
                        event.outcome(),
                        event.remoteAddress(),
                        event.requestId()))
            .toList();
    return new Page(entries, events.size() == limit ? events.getLast().id() : null);
  }
}
