package io.coralbank.web;

import io.coralbank.ratelimit.RateLimitDecision;
import io.coralbank.ratelimit.RateLimiter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts each dialect request against its dialect's limit, per API client (per address for requests
 * made before there is a client, such as logins), and refuses with 429 and {@code Retry-After}
 * beyond it. Every limited response says where the caller stands: {@code RateLimit-Limit}, {@code
 * RateLimit-Remaining}, {@code RateLimit-Reset} (seconds).
 */
@Component
class RateLimitInterceptor implements HandlerInterceptor {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final DialectRegistry registry;
  private final RateLimiter limiter;
  private final RateLimitProperties properties;
  private final Clock clock;

  RateLimitInterceptor(
      DialectRegistry registry, RateLimiter limiter, RateLimitProperties properties, Clock clock) {
    this.registry = registry;
    this.limiter = limiter;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (!(handler instanceof HandlerMethod method) || properties.dialects() == null) {
      return true;
    }
    DialectSurface surface = registry.owning(method.getBeanType()).orElse(null);
    if (surface == null) {
      return true;
    }
    RateLimitProperties.Policy policy = properties.dialects().get(surface.name());
    if (policy == null) {
      return true;
    }
    boolean separateWrites = policy.writes() > 0;
    boolean write = !READS.contains(request.getMethod());
    int limit = separateWrites && write ? policy.writes() : policy.requests();
    Object caller = request.getAttribute(Caller.ATTRIBUTE);
    String who =
        caller instanceof Caller known
            ? "client:" + known.clientId()
            : "address:" + request.getRemoteAddr();
    String key =
        surface.name() + ":" + who + (separateWrites ? (write ? ":writes" : ":reads") : "");
    RateLimitDecision decision = limiter.consume(key, limit, policy.window());
    GlobalRateLimit global = method.getMethodAnnotation(GlobalRateLimit.class);
    if (decision.allowed() && global != null) {
      Duration window = Duration.ofSeconds(global.seconds());
      RateLimitDecision shared =
          limiter.consume(
              surface.name()
                  + ":route:"
                  + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE),
              global.requests(),
              window);
      if (!shared.allowed()) {
        throw new RequestRefused(
            new RequestFailure(
                FailureKind.RATE_LIMITED,
                "This endpoint accepts "
                    + global.requests()
                    + " request(s) every "
                    + describe(window)
                    + " across all clients. Please try again shortly.",
                Set.of(),
                shared.resetsAt()));
      }
    }
    long resetSeconds =
        Math.max(0, Duration.between(clock.instant(), decision.resetsAt()).toSeconds());
    response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
    response.setHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(resetSeconds));
    if (!decision.allowed()) {
      throw new RequestRefused(
          new RequestFailure(
              FailureKind.RATE_LIMITED,
              "You have exceeded the "
                  + limit
                  + " requests per "
                  + describe(policy.window())
                  + " limit. Please wait for the rate limit to reset.",
              Set.of(),
              decision.resetsAt()));
    }
    return true;
  }

  private static String describe(Duration window) {
    if (window.toMinutes() > 0 && window.toSeconds() % 60 == 0) {
      return window.toMinutes() + (window.toMinutes() == 1 ? " minute" : " minutes");
    }
    return window.toSeconds() + " seconds";
  }
}
