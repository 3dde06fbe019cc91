package io.coralbank.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Audits every request that changes something (any method but GET, HEAD and OPTIONS), in every
 * dialect, after it completes. Refusals of authentication and permission are audited where they are
 * written ({@link FailureWriter}), so they are recorded even when no handler ran.
 */
@Component
class AuditInterceptor implements HandlerInterceptor {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final RequestAudit audit;

  AuditInterceptor(RequestAudit audit) {
    this.audit = audit;
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
    if (READS.contains(request.getMethod())) {
      return;
    }
    int status = response.getStatus();
    if (status == 401 || status == 403) {
      return; // FailureWriter audited the refusal already.
    }
    audit.record(request, status < 400 ? "succeeded" : "failed " + status);
  }
}
