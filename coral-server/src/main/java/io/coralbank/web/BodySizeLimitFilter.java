package io.coralbank.web;

import io.coralbank.platform.CoralProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code CORAL_MAX_BODY_BYTES}: at once when the declared length is too
 * large, and while reading when a chunked body grows past the limit, so a client cannot make the
 * server buffer an unbounded body.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long limit;
  private final FailureWriter failures;

  BodySizeLimitFilter(CoralProperties properties, FailureWriter failures) {
    this.limit = properties.http().maxBodyBytes();
    this.failures = failures;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      failures.write(request, response, tooLarge());
      return;
    }
    chain.doFilter(new ObservedBody(request, new SizeCount(limit)), response);
  }

  private RequestFailure tooLarge() {
    return RequestFailure.of(
        FailureKind.BODY_TOO_LARGE, "The request body is larger than " + limit + " bytes.");
  }

  /** Counts the body as it is read and refuses it once it grows past the limit. */
  private static final class SizeCount implements ObservedBody.Observer {

    private final long limit;
    private long read;

    SizeCount(long limit) {
      this.limit = limit;
    }

    @Override
    public void observe(byte[] bytes, int offset, int count) throws BodyTooLargeException {
      read += count;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }
  }
}
