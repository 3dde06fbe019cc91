package io.coralbank.web;

import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's last word on a request that ended in an error with nothing written: a request it refused
 * before any filter or servlet saw it (a header larger than it accepts, an encoded NUL or a
 * malformed escape in the path). Its own valve answered those with an HTML page; this one answers
 * in the shape of the dialect the path belongs to, as every other failure is.
 *
 * <p>Everything that reaches Spring is answered there (its error dispatch included), so by the time
 * this runs a body has been written and it does nothing.
 */
final class DialectErrorReportValve extends ErrorReportValve {

  private static final Logger log = LoggerFactory.getLogger(DialectErrorReportValve.class);

  private final FailureWriter failures;

  DialectErrorReportValve(FailureWriter failures) {
    this.failures = failures;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    try {
      failures.write(request, response, FailureClassifier.byStatus(status));
    } catch (IOException | RuntimeException unwritable) {
      log.debug("Could not write the error for a request Tomcat refused", unwritable);
    }
  }
}
