package io.coralbank.identity;

import java.util.Locale;

/** Why a client could not be created, in precedence order. */
public enum ClientRejection {
  /** The owner must be an existing customer. */
  CUSTOMER_MUST_EXIST,
  /** The client to copy must exist and belong to the same customer. */
  SOURCE_CLIENT_MUST_EXIST,
  /** Every permission must be in the dialect's catalogue. */
  PERMISSIONS_MUST_BE_IN_THE_CATALOGUE,
  /** Every allow-list entry must be an IP address or a CIDR block. */
  IP_ALLOW_LIST_ENTRIES_MUST_BE_ADDRESSES_OR_CIDR_BLOCKS;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
