package io.coralbank.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Audits every request that changes something (any method but GET, HEAD and OPTIONS), in every
 * dialect, after it completes, in a transaction of its own. Refusals of authentication and
 * permission are audited where they are written ({@link FailureWriter}), so they are recorded even
 * when no handler ran; an idempotent request is audited inside its own transaction by {@link
 * IdempotencyInterceptor}, so its entry commits with its effect and costs no commit of its own.
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
    audit.recordCompletion(request, response.getStatus());
  }
}
