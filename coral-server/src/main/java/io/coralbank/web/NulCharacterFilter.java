package io.coralbank.web;

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
 * Refuses the NUL character (U+0000) anywhere in a request's query string or body, in every
 * dialect. PostgreSQL cannot store it in text, so without this a NUL in any field that is written
 * or looked up failed deep inside the request as a server error; and a NUL in one transfer's
 * description failed the whole ledger batch it shared with other requests. No field of the three
 * APIs has a use for it.
 *
 * <p>The query string is checked before anything runs. The body is checked as it is read, by the
 * idempotency filter or by the JSON reader, whichever reads first: in JSON a NUL can only arrive as
 * its escape inside a string (a backslash, then {@code u0000}; a raw control character is already
 * invalid JSON), and outside strings JSON has no backslashes, so watching the escapes is enough
 * without parsing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 12)
class NulCharacterFilter extends OncePerRequestFilter {

  private final FailureWriter failures;

  NulCharacterFilter(FailureWriter failures) {
    this.failures = failures;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    // %00 is the only way to put a NUL in a query string: the server refuses a raw one.
    if (query != null && query.contains("%00")) {
      failures.write(
          request,
          response,
          RequestFailure.of(
              FailureKind.MALFORMED_REQUEST,
              "The query string must not contain the NUL character (%00)."));
      return;
    }
    try {
      chain.doFilter(new ObservedBody(request, new NulWatch()), response);
    } catch (NulCharacterInBody refused) {
      // A filter read the body before any handler (the idempotency filter does, to hash it), so
      // the refusal comes back here rather than through Spring MVC. It is the client's mistake:
      // answered here, it is not logged as a server failure on the container's error path.
      if (response.isCommitted()) {
        throw refused;
      }
      failures.write(request, response, bodyRefused());
    }
  }

  /** The answer to a body with the NUL character, wherever it was found. */
  static RequestFailure bodyRefused() {
    return RequestFailure.of(
        FailureKind.MALFORMED_REQUEST,
        "The request body must not contain the NUL character (\\u0000).");
  }

  /** Thrown while reading a request body that contains the NUL character. */
  static final class NulCharacterInBody extends IOException {

    NulCharacterInBody() {
      super("The request body contains the NUL character");
    }
  }

  /**
   * Throws {@link NulCharacterInBody} on a raw NUL byte or its JSON escape (a backslash, then
   * {@code u0000}). It remembers how far into an escape the previous chunk ended, so an escape
   * split between two reads is still seen.
   */
  private static final class NulWatch implements ObservedBody.Observer {

    /** Not in an escape. */
    private static final int PLAIN = -2;

    /** Just after a backslash. */
    private static final int AFTER_BACKSLASH = -1;

    /** {@link #PLAIN}, {@link #AFTER_BACKSLASH}, or how many zeros of the escape were read. */
    private int state = PLAIN;

    @Override
    public void observe(byte[] bytes, int offset, int count) throws NulCharacterInBody {
      for (int index = offset; index < offset + count; index++) {
        watch(bytes[index]);
      }
    }

    private void watch(byte next) throws NulCharacterInBody {
      if (next == 0) {
        throw new NulCharacterInBody();
      }
      if (state == PLAIN) {
        state = next == '\\' ? AFTER_BACKSLASH : PLAIN;
      } else if (state == AFTER_BACKSLASH) {
        // "\\" is an escaped backslash: the one after it starts nothing.
        state = next == 'u' ? 0 : PLAIN;
      } else if (next == '0') {
        state++;
        if (state == 4) {
          throw new NulCharacterInBody();
        }
      } else {
        state = next == '\\' ? AFTER_BACKSLASH : PLAIN;
      }
    }
  }
}
