package io.coralbank.dialect.bcb;

import java.util.List;
import java.util.UUID;

/**
 * The authenticated client of a BCB request, as its token says. Handlers take it as a parameter;
 * every object they look up is looked up within {@code customerId}.
 */
record BcbCaller(UUID clientId, UUID customerId, List<String> permissions) {

  static final String ATTRIBUTE = BcbCaller.class.getName();
}
