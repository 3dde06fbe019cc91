package io.coralbank.rails;

import java.time.Instant;

/**
 * The network's next step for a payment and when it happens, or none: a pending payment without a
 * step waits for an operator, a settled one without a step is final.
 *
 * @param reason why, for a failure or a return: what the beneficiary bank said
 */
public record NetworkPlan(NetworkStep step, Instant at, String reason) {

  public static NetworkPlan none() {
    return new NetworkPlan(null, null, null);
  }

  public boolean isNone() {
    return step == null;
  }
}
