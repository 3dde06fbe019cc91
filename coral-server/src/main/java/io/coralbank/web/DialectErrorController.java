package io.coralbank.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Spring Boot's error page. Failures outside Spring MVC (an exception escaping a filter, a
 * request the container itself rejects) arrive here on the error dispatch and are rendered in the
 * shape of the dialect the original path belongs to.
 */
@Controller
class DialectErrorController implements ErrorController {

  private static final Logger log = LoggerFactory.getLogger(DialectErrorController.class);

  private final FailureWriter failures;

  DialectErrorController(FailureWriter failures) {
    this.failures = failures;
  }

  @RequestMapping("${server.error.path:/error}")
  void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
    Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    RequestFailure failure;
    if (exception instanceof Throwable thrown) {
      failure = FailureClassifier.classify(thrown);
      if (failure.kind() == FailureKind.INTERNAL_ERROR) {
        log.error("Unexpected failure outside a handler", thrown);
      }
    } else if (status instanceof Integer code) {
      failure = FailureClassifier.byStatus(code);
    } else {
      // Someone asked for the error path itself; there is no endpoint there.
      failure = FailureClassifier.byStatus(404);
    }
    failures.write(request, response, failure);
  }
}
