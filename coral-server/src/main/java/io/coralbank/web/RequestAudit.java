package io.coralbank.web;

import io.coralbank.audit.AuditEntry;
import io.coralbank.audit.AuditLog;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Writes one audit entry for a request: the action is the method and the route template (never the
 * query or the body, so no secret can reach the log), the actor and customer come from the {@link
 * AuditSubject} the dialect set. A failure to audit is logged, not turned into a failed request.
 */
@Component
class RequestAudit {

  private static final Logger log = LoggerFactory.getLogger(RequestAudit.class);

  private static final String AUDITED = RequestAudit.class.getName() + ".audited";

  private final AuditLog audit;

  RequestAudit(AuditLog audit) {
    this.audit = audit;
  }

  /**
   * Audits a completed request by its status, once: refusals of authentication and permission (401,
   * 403) are audited where they are written ({@link FailureWriter}), and a request audited already
   * (inside its idempotent transaction) is not audited again.
   */
  void recordCompletion(HttpServletRequest request, int status) {
    if (auditedElsewhere(request, status)) {
      return;
    }
    request.setAttribute(AUDITED, Boolean.TRUE);
    record(request, outcome(status));
  }

  /**
   * Audits a completed request inside the caller's transaction, so that the entry commits with the
   * request's effect or not at all. Unlike {@link #record}, a failure propagates: the transaction
   * it would have left aborted must be rolled back by the caller, effect included.
   */
  void recordCompletionInTransaction(HttpServletRequest request, int status) {
    if (auditedElsewhere(request, status)) {
      return;
    }
    write(request, outcome(status));
    request.setAttribute(AUDITED, Boolean.TRUE);
  }

  /**
   * The entry a completed request would be audited with, for a caller that writes it itself (with
   * the request's stored response) and then calls {@link #markAudited}; null if the request is
   * audited elsewhere.
   */
  AuditEntry completionEntry(HttpServletRequest request, int status) {
    return auditedElsewhere(request, status) ? null : entry(request, outcome(status));
  }

  /** The request's entry was written by the caller of {@link #completionEntry}. */
  void markAudited(HttpServletRequest request) {
    request.setAttribute(AUDITED, Boolean.TRUE);
  }

  private static boolean auditedElsewhere(HttpServletRequest request, int status) {
    return request.getAttribute(AUDITED) != null || status == 401 || status == 403;
  }

  private static String outcome(int status) {
    return status < 400 ? "succeeded" : "failed " + status;
  }

  /** The entry written in a transaction that was then rolled back: it must be written again. */
  void forgetCompletion(HttpServletRequest request) {
    request.removeAttribute(AUDITED);
  }

  void record(HttpServletRequest request, String outcome) {
    try {
      write(request, outcome);
    } catch (RuntimeException failure) {
      log.error(
          "Could not write the audit entry for {} {}",
          request.getMethod(),
          route(request),
          failure);
    }
  }

  private void write(HttpServletRequest request, String outcome) {
    audit.record(entry(request, outcome));
  }

  private static AuditEntry entry(HttpServletRequest request, String outcome) {
    AuditSubject subject = AuditSubject.of(request);
    return new AuditEntry(
        subject.actor(),
        subject.customerId() != null ? subject.customerId() : customerInPath(request),
        request.getMethod() + " " + route(request),
        outcome,
        null,
        request.getRemoteAddr(),
        RequestIds.of(request));
  }

  private static String route(HttpServletRequest request) {
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    return pattern instanceof String template ? template : request.getRequestURI();
  }

  @SuppressWarnings("unchecked")
  private static UUID customerInPath(HttpServletRequest request) {
    Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
    if (variables instanceof Map<?, ?> map && map.get("customerId") instanceof String text) {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException notAUuid) {
        return null;
      }
    }
    return null;
  }
}
