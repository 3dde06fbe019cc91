package io.coralbank.events;

import java.time.Instant;
import java.util.Map;

/** How a dialect signs a webhook delivery: the headers to send with the body. */
public interface WebhookSigner {

  /** The dialect this signer signs for, as stored on endpoints and events. */
  String dialect();

  /** Headers for one attempt at {@code at}; called again, with a new time, for every retry. */
  Map<String, String> headers(String secret, String body, Instant at);
}
