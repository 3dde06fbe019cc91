package io.coralbank.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id in its dialect's convention, returns it in {@code X-Request-Id} and
 * puts it on every log line of the request, so a client's error report leads to the log entry.
 *
 * <p>A client's own {@code X-Request-Id} is not adopted: ids must be unique and in the dialect's
 * format (Cayman's are {@code req_} ULIDs), which a client value cannot promise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  private final DialectRegistry registry;

  RequestIdFilter(DialectRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String requestId = RequestIds.of(request);
    if (requestId == null) {
      requestId = registry.surfaceFor(request.getRequestURI()).newRequestId();
      request.setAttribute(RequestIds.ATTRIBUTE, requestId);
    }
    response.setHeader(RequestIds.HEADER, requestId);
    MDC.put(RequestIds.LOG_KEY, requestId);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(RequestIds.LOG_KEY);
    }
  }
}
