package io.coralbank.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last resort for exceptions raised while handling a request: classifies them and lets the
 * owning dialect render them. Ordered last, so a dialect's own handlers for business rejections
 * take precedence.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class FrameworkExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(FrameworkExceptionHandler.class);

  private final FailureWriter failures;

  FrameworkExceptionHandler(FailureWriter failures) {
    this.failures = failures;
  }

  @ExceptionHandler(Exception.class)
  void handle(Exception exception, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    RequestFailure failure = FailureClassifier.classify(exception);
    if (failure.kind() == FailureKind.INTERNAL_ERROR) {
      log.error(
          "Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), exception);
    } else {
      log.debug("Request refused as {}", failure.kind(), exception);
    }
    failures.write(request, response, failure);
  }
}
