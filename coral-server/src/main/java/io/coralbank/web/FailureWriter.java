package io.coralbank.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a {@link RequestFailure} as the owning dialect renders it. The body is written directly,
 * whatever the request's {@code Accept} header says: an error must reach the client even when the
 * failure is that its {@code Accept} cannot be satisfied.
 */
@Component
public class FailureWriter {

  private static final Logger log = LoggerFactory.getLogger(FailureWriter.class);

  /** The kind of the framework failure a request ended with, if any. */
  static final String FAILURE_ATTRIBUTE = FailureWriter.class.getName() + ".failure";

  /** Refusals of who may call what: the audit log keeps every one of them. */
  private static final Set<FailureKind> AUDITED =
      EnumSet.of(
          FailureKind.NOT_AUTHENTICATED,
          FailureKind.NOT_PERMITTED,
          FailureKind.ADDRESS_NOT_ALLOWED);

  private final DialectRegistry registry;
  private final JsonMapper json;
  private final RequestAudit audit;
  private final Clock clock;

  FailureWriter(DialectRegistry registry, JsonMapper json, RequestAudit audit, Clock clock) {
    this.registry = registry;
    this.json = json;
    this.audit = audit;
    this.clock = clock;
  }

  public void write(
      HttpServletRequest request, HttpServletResponse response, RequestFailure failure)
      throws IOException {
    DialectSurface surface = registry.surfaceFor(originalPath(request));
    String requestId = RequestIds.of(request);
    if (requestId == null) {
      requestId = surface.newRequestId();
      request.setAttribute(RequestIds.ATTRIBUTE, requestId);
    }
    // The idempotency interceptor reads it: a refusal of the request's shape is not stored, so
    // a corrected retry with the same key runs.
    request.setAttribute(FAILURE_ATTRIBUTE, failure.kind());
    if (response.isCommitted()) {
      log.warn("Response already committed; could not report {}", failure.kind());
      return;
    }
    switch (failure.kind()) {
      case NOT_AUTHENTICATED, NOT_PERMITTED, ADDRESS_NOT_ALLOWED ->
          audit.record(
              request, "refused: " + failure.kind().name().toLowerCase(java.util.Locale.ROOT));
      default -> {}
    }
    RenderedError error = surface.render(failure, requestId);
    response.resetBuffer();
    response.setStatus(error.status());
    response.setHeader(RequestIds.HEADER, requestId);
    response.setContentType(error.contentType().toString());
    response.setCharacterEncoding("UTF-8");
    if (failure.retryAt() != null) {
      long seconds = Math.max(1, Duration.between(clock.instant(), failure.retryAt()).toSeconds());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }
    if (!failure.allowedMethods().isEmpty()) {
      response.setHeader(HttpHeaders.ALLOW, String.join(", ", failure.allowedMethods()));
    }
    byte[] body = json.writeValueAsBytes(error.body());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }

  /** On an error dispatch the request URI is {@code /error}; the dialect is the original's. */
  private static String originalPath(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (original instanceof String path) {
      return path;
    }
    Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    if (forwarded instanceof String path) {
      return path;
    }
    return request.getRequestURI();
  }
}
