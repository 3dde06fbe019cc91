package io.coralbank.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * For a request that carries {@code Idempotency-Key}, reads the body once (so its hash can be
 * compared before the handler reads it) and holds the response back until the idempotency
 * interceptor has stored it in the request's transaction. The claim, replay and storage are the
 * interceptor's; this filter only makes the bytes available.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class IdempotencyFilter extends OncePerRequestFilter {

  static final String HEADER = "Idempotency-Key";
  static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return request.getHeader(HEADER) == null || READS.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // The body-size filter before this one bounds what is read here. With a declared length the
    // body is read into an array of exactly that size. readAllBytes reads into a 16 kB buffer and
    // then copies what it got: for bodies of a few hundred bytes, an eighth of all the memory the
    // server and load generator allocated under load, and so of the garbage collector's work.
    int length = request.getContentLength();
    byte[] body =
        length >= 0
            ? request.getInputStream().readNBytes(length)
            : request.getInputStream().readAllBytes();
    ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(new BodyOnce(request, body), held);
    } finally {
      held.copyBodyToResponse();
    }
  }

  /** The request with its body read in advance and readable again. */
  static final class BodyOnce extends HttpServletRequestWrapper {

    private final byte[] body;

    BodyOnce(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    byte[] body() {
      return body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new IllegalStateException("Coral reads request bodies synchronously");
        }
      };
    }
  }
}
