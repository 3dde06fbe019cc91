package io.coralbank.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A page of postings and where the next page starts.
 *
 * @param next null when there are no more postings in the range
 */
public record PostingPage(List<PostingView> items, Cursor next) {

  /** A position in an account's postings: the last posting of the previous page. */
  public record Cursor(Instant postedAt, long id) {}

  /** Newest first (statements) or oldest first (replays). */
  public enum Order {
    NEWEST_FIRST,
    OLDEST_FIRST
  }
}
