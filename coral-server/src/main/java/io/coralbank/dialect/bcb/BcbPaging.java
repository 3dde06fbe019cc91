package io.coralbank.dialect.bcb;

import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import java.util.List;

/**
 * A page request as BCB's pagination guide defines it: {@code pageStart} (1-based, default 1),
 * {@code pageSize} (default 100, at most 1000; taken from the token once there is one), and {@code
 * pageToken}.
 *
 * @param token the token the client sent, or null on the first request
 */
record BcbPaging(int pageStart, int pageSize, BcbPageTokens.Token token) {

  static final int DEFAULT_PAGE_SIZE = 100;
  static final int MAXIMUM_PAGE_SIZE = 1000;

  static BcbPaging parse(
      Integer pageStart,
      Integer pageSize,
      String pageToken,
      String fingerprint,
      BcbPageTokens tokens) {
    BcbPageTokens.Token token =
        pageToken == null || pageToken.isBlank() ? null : tokens.read(pageToken, fingerprint);
    int size = token != null ? token.pageSize() : pageSize == null ? DEFAULT_PAGE_SIZE : pageSize;
    if (size < 1 || size > MAXIMUM_PAGE_SIZE) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, "pageSize must be from 1 to " + MAXIMUM_PAGE_SIZE + ".");
    }
    int start = pageStart != null ? pageStart : token != null ? token.nextPage() : 1;
    if (start < 1) {
      throw new RequestRefused(FailureKind.MALFORMED_REQUEST, "pageStart must be 1 or more.");
    }
    return new BcbPaging(start, size, token);
  }

  /** Rows to skip before this page, for offset-based lists. */
  long offset() {
    return (long) (pageStart - 1) * pageSize;
  }

  /** Whether the token leads exactly to the requested page, so its keyset position applies. */
  boolean continuesToken() {
    return token != null && token.nextPage() == pageStart && !token.position().isEmpty();
  }

  /**
   * The list envelope of an offset-paged list fixed at {@code bound}: the next page's token when
   * rows remain beyond this page.
   */
  <T> BcbList<T> envelope(
      List<T> data, long total, long bound, String fingerprint, BcbPageTokens tokens) {
    String next =
        offset() + data.size() < total
            ? tokens.issue(new BcbPageTokens.Token(pageSize, pageStart + 1, bound, "", fingerprint))
            : null;
    return new BcbList<>(
        new BcbList.Meta(new BcbList.Pagination(pageStart, pageSize, total, next)), data);
  }
}
