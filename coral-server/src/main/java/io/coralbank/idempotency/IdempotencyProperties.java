package io.coralbank.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param lifetime how long a key is remembered
 * @param waitForFirst how long a retry waits for a first request that is still running before it is
 *     answered 409
 */
@ConfigurationProperties("coral.idempotency")
public record IdempotencyProperties(Duration lifetime, Duration waitForFirst) {}
