package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.function.Function;

/**
 * Cayman's list: {@code {"data", "has_more", "next_cursor"}}. The cursor is the id of the last
 * object of the page; the next page starts after it.
 */
public record CaymanList<T>(
    List<T> data,
    @JsonProperty("has_more") boolean hasMore,
    @JsonProperty("next_cursor") String nextCursor) {

  static final int DEFAULT_LIMIT = 25;
  static final int MAXIMUM_LIMIT = 100;

  /** The page's size: {@code limit} from 1 to 100, 25 when absent. */
  static int limit(Integer limit) {
    if (limit == null) {
      return DEFAULT_LIMIT;
    }
    if (limit < 1 || limit > MAXIMUM_LIMIT) {
      throw CaymanRefusal.invalid("limit must be from 1 to " + MAXIMUM_LIMIT + ".");
    }
    return limit;
  }

  /**
   * A page from {@code rows}, read with one more row than {@code limit} so that {@code has_more} is
   * known without counting.
   */
  static <R, T> CaymanList<T> of(
      List<R> rows, int limit, Function<R, T> view, Function<R, String> id) {
    boolean more = rows.size() > limit;
    List<R> page = more ? rows.subList(0, limit) : rows;
    return new CaymanList<>(
        page.stream().map(view).toList(), more, more ? id.apply(page.getLast()) : null);
  }
}
