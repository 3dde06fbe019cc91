package io.coralbank.web;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Rate limits per dialect ({@code coral.rate-limits.<dialect>.*}).
 *
 * @param dialects by dialect name
 */
@ConfigurationProperties("coral.rate-limits")
public record RateLimitProperties(Map<String, Policy> dialects) {

  /**
   * One dialect's limits.
   *
   * @param requests requests per window (all requests, or reads when {@code writes} is set)
   * @param writes requests that change something, counted apart, per window; 0 to count them with
   *     the rest
   * @param window the fixed window
   */
  public record Policy(int requests, int writes, Duration window) {}
}
