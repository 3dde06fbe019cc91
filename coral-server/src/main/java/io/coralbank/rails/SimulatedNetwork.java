package io.coralbank.rails;

import io.coralbank.accounts.Rail;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The sandbox's stand-in for SWIFT, the local ACH, SEPA and the crypto networks. It decides from
 * the beneficiary alone, so a test chooses its outcome by choosing the beneficiary: when the
 * creditor account identifier or the beneficiary's name begins with
 *
 * <ul>
 *   <li>{@code FAIL}: the beneficiary bank rejects the payment after the settlement delay;
 *   <li>{@code RETURN}: the payment settles, then comes back after the return delay;
 *   <li>{@code PEND}: the payment stays pending until an operator settles or fails it;
 * </ul>
 *
 * and the crypto addresses in {@link #FAILING_ADDRESSES} (valid addresses, which cannot begin with
 * a word) are rejected by their network. Everything else settles after the settlement delay.
 *
 * <p>A real connector would replace this class and report its network's answers instead.
 */
@Component
public class SimulatedNetwork {

  static final String REJECTED = "Beneficiary bank rejected the payment: account closed";
  static final String RETURNED = "Beneficiary bank returned the payment: account name mismatch";

  private final RailsProperties properties;

  SimulatedNetwork(RailsProperties properties) {
    this.properties = properties;
  }

  /** Crypto addresses whose network rejects every transfer: one per network. */
  public static final Set<String> FAILING_ADDRESSES =
      Set.of(
          "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
          "0x000000000000000000000000000000000000dead");

  /**
   * What happens to a payment handed to the network at {@code now}.
   *
   * @param creditorName the beneficiary's name, or null where the rail carries none
   */
  public NetworkPlan accept(Rail rail, String creditorAccount, String creditorName, Instant now) {
    if (begins(creditorAccount, creditorName, "PEND")) {
      return NetworkPlan.none();
    }
    Instant due = now.plus(properties.settlementDelay());
    if (begins(creditorAccount, creditorName, "FAIL")
        || (rail == Rail.CRYPTO
            && FAILING_ADDRESSES.contains(creditorAccount.toLowerCase(Locale.ROOT)))) {
      return new NetworkPlan(NetworkStep.FAIL, due, REJECTED);
    }
    return new NetworkPlan(NetworkStep.SETTLE, due, null);
  }

  private static boolean begins(String account, String name, String word) {
    return account.toUpperCase(Locale.ROOT).startsWith(word)
        || (name != null && name.toUpperCase(Locale.ROOT).startsWith(word));
  }

  /** What happens after the payment settled at {@code now}: a return, or none. */
  public NetworkPlan afterSettlement(
      Rail rail, String creditorAccount, String creditorName, Instant now) {
    if (begins(creditorAccount, creditorName, "RETURN")) {
      return new NetworkPlan(NetworkStep.RETURN, now.plus(properties.returnDelay()), RETURNED);
    }
    return NetworkPlan.none();
  }
}
