package io.coralbank.ratelimit;

import java.time.Instant;

/**
 * The outcome of counting one request.
 *
 * @param limit requests allowed in the window
 * @param remaining requests still allowed in the window after this one (0 when refused)
 * @param resetsAt when the window ends and the count starts again
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, Instant resetsAt) {}
