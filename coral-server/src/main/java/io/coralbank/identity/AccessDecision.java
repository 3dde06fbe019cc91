package io.coralbank.identity;

import java.util.Collection;

/** Whether an authenticated client may make a request, and if not, why. */
public enum AccessDecision {
  ALLOWED,
  ADDRESS_NOT_ALLOWED,
  NOT_PERMITTED;

  /**
   * The decision for {@code client} calling from {@code remoteAddress} with {@code granted}
   * permissions (a token's, or the client's own) an endpoint that requires {@code required}. The
   * address is checked first: a caller outside the allow-list learns nothing about permissions.
   */
  public static AccessDecision decide(
      ApiClient client, Collection<String> granted, String remoteAddress, String required) {
    if (!client.allowsAddress(remoteAddress)) {
      return ADDRESS_NOT_ALLOWED;
    }
    return granted.contains(required) ? ALLOWED : NOT_PERMITTED;
  }
}
