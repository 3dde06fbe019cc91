package io.coralbank.web;

import java.util.List;
import java.util.UUID;

/**
 * The authenticated API client of a request. Handlers take it as a parameter; every object they
 * look up is looked up within {@code customerId}.
 *
 * @param permissions what the credential carries (a token's claim, or an API key's client)
 */
public record Caller(UUID clientId, UUID customerId, List<String> permissions) {

  static final String ATTRIBUTE = Caller.class.getName();
}
