package io.coralbank.dialect.bcb;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A BCB list: {@code {"meta": {"pagination": {...}}, "data": [...]}}. Request parameters are
 * camelCase, response properties snake_case, as BCB's pagination guide says.
 */
public record BcbList<T>(Meta meta, List<T> data) {

  public record Meta(Pagination pagination) {}

  /**
   * @param pageToken the token for the next page; null on the last page
   */
  public record Pagination(
      @JsonProperty("page_start") int pageStart,
      @JsonProperty("page_size") int pageSize,
      @JsonProperty("total_size") long totalSize,
      @JsonProperty("page_token") String pageToken) {}
}
