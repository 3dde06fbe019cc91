package io.coralbank.web;

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

  private final AuditLog audit;

  RequestAudit(AuditLog audit) {
    this.audit = audit;
  }

  void record(HttpServletRequest request, String outcome) {
    AuditSubject subject = AuditSubject.of(request);
    Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    String route = pattern instanceof String template ? template : request.getRequestURI();
    try {
      audit.record(
          subject.actor(),
          subject.customerId() != null ? subject.customerId() : customerInPath(request),
          request.getMethod() + " " + route,
          outcome,
          null,
          request.getRemoteAddr(),
          RequestIds.of(request));
    } catch (RuntimeException failure) {
      log.error("Could not write the audit entry for {} {}", request.getMethod(), route, failure);
    }
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
