package io.coralbank.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.IOException;

/**
 * A request whose body is passed to its reader unchanged, each chunk shown first to an {@link
 * Observer} that may refuse it by throwing. Filters that check a body as it streams (its size, the
 * characters in it) use this instead of reading it ahead, so a body is read once, by whoever reads
 * it first.
 */
final class ObservedBody extends HttpServletRequestWrapper {

  /** Sees every chunk of the body in order; one observer per request, so it may keep state. */
  interface Observer {
    void observe(byte[] bytes, int offset, int count) throws IOException;
  }

  private final Observer observer;
  private ServletInputStream observed;

  ObservedBody(HttpServletRequest request, Observer observer) {
    super(request);
    this.observer = observer;
  }

  @Override
  public ServletInputStream getInputStream() throws IOException {
    if (observed == null) {
      observed = new ObservedStream(super.getInputStream(), observer);
    }
    return observed;
  }

  private static final class ObservedStream extends ServletInputStream {

    private final ServletInputStream delegate;
    private final Observer observer;
    private final byte[] single = new byte[1];

    ObservedStream(ServletInputStream delegate, Observer observer) {
      this.delegate = delegate;
      this.observer = observer;
    }

    @Override
    public int read() throws IOException {
      int next = delegate.read();
      if (next >= 0) {
        single[0] = (byte) next;
        observer.observe(single, 0, 1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = delegate.read(buffer, offset, length);
      if (count > 0) {
        observer.observe(buffer, offset, count);
      }
      return count;
    }

    @Override
    public boolean isFinished() {
      return delegate.isFinished();
    }

    @Override
    public boolean isReady() {
      return delegate.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      delegate.setReadListener(listener);
    }
  }
}
