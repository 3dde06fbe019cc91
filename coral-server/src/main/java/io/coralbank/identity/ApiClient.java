package io.coralbank.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An API client of a customer.
 *
 * @param permissions sorted permission keys
 * @param ipAllowList addresses and CIDR blocks it may call from, or null for anywhere
 */
public record ApiClient(
    UUID clientId,
    UUID customerId,
    ClientDialect dialect,
    List<String> permissions,
    List<String> ipAllowList,
    ClientStatus status,
    Instant createdAt) {

  /** Whether a request from {@code remoteAddress} is allowed. */
  public boolean allowsAddress(String remoteAddress) {
    return ipAllowList == null
        || IpAllowList.parse(ipAllowList).map(list -> list.allows(remoteAddress)).orElse(false);
  }
}
