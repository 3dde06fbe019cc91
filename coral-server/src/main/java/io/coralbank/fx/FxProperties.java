package io.coralbank.fx;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param spreadBasisPoints the bank's margin on the mid rate
 * @param quoteLifetime how long a quote may be used
 * @param referralThresholdBmd requests worth more than this many BMD go to the dealing desk
 */
@ConfigurationProperties("coral.fx")
public record FxProperties(
    int spreadBasisPoints, Duration quoteLifetime, BigDecimal referralThresholdBmd) {}
