package io.coralbank.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param firstRetryDelay the wait after the first failed attempt; each later wait doubles
 * @param longestRetryDelay the longest wait between two attempts
 * @param retryWindow how long after the event delivery is tried before it is given up
 * @param attemptTimeout how long one attempt may take
 * @param pollInterval how often due deliveries are looked for
 */
@ConfigurationProperties("coral.webhooks")
public record WebhookProperties(
    Duration firstRetryDelay,
    Duration longestRetryDelay,
    Duration retryWindow,
    Duration attemptTimeout,
    Duration pollInterval) {}
