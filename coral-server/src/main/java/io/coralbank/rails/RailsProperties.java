package io.coralbank.rails;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param settlementDelay how long the simulated network takes to settle or fail a payment
 * @param returnDelay how long after settling a beneficiary bank returns a payment it cannot apply
 * @param holdLifetime how long a payment's hold lasts if the network never answers; then the hold
 *     expires and the money is available again
 * @param pollInterval how often the steps that have fallen due are carried out
 */
@ConfigurationProperties("coral.rails")
public record RailsProperties(
    Duration settlementDelay, Duration returnDelay, Duration holdLifetime, Duration pollInterval) {}
