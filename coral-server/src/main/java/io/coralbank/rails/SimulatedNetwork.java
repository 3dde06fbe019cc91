package io.coralbank.rails;

import io.coralbank.accounts.Rail;
import java.time.Instant;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The sandbox's stand-in for SWIFT and the local ACH. It decides from the creditor account
 * identifier alone, so a test chooses its outcome by choosing the beneficiary:
 *
 * <ul>
 *   <li>{@code FAIL...}: the beneficiary bank rejects the payment after the settlement delay;
 *   <li>{@code RETURN...}: the payment settles, then comes back after the return delay;
 *   <li>{@code PEND...}: the payment stays pending until an operator settles or fails it;
 *   <li>anything else settles after the settlement delay.
 * </ul>
 *
 * A real connector would replace this class and report its network's answers instead.
 */
@Component
public class SimulatedNetwork {

  static final String REJECTED = "Beneficiary bank rejected the payment: account closed";
  static final String RETURNED = "Beneficiary bank returned the payment: account name mismatch";

  private final RailsProperties properties;

  SimulatedNetwork(RailsProperties properties) {
    this.properties = properties;
  }

  /** What happens to a payment handed to the network at {@code now}. */
  public NetworkPlan accept(Rail rail, String creditorAccount, Instant now) {
    String beneficiary = creditorAccount.toUpperCase(Locale.ROOT);
    if (beneficiary.startsWith("PEND")) {
      return NetworkPlan.none();
    }
    Instant due = now.plus(properties.settlementDelay());
    if (beneficiary.startsWith("FAIL")) {
      return new NetworkPlan(NetworkStep.FAIL, due, REJECTED);
    }
    return new NetworkPlan(NetworkStep.SETTLE, due, null);
  }

  /** What happens after the payment settled at {@code now}: a return, or none. */
  public NetworkPlan afterSettlement(Rail rail, String creditorAccount, Instant now) {
    if (creditorAccount.toUpperCase(Locale.ROOT).startsWith("RETURN")) {
      return new NetworkPlan(NetworkStep.RETURN, now.plus(properties.returnDelay()), RETURNED);
    }
    return NetworkPlan.none();
  }
}
