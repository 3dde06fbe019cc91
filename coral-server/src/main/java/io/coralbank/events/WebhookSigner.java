package io.coralbank.events;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** How a dialect signs a webhook delivery: the headers to send with the body. */
public interface WebhookSigner {

  /** The dialect this signer signs for, as stored on endpoints and events. */
  String dialect();

  /**
   * Headers for one attempt at {@code at} of sending {@code body} to {@code url}; called again,
   * with a new time, for every retry.
   *
   * @param scheme the endpoint's signing scheme when the dialect offers several; null for its
   *     default
   */
  Map<String, String> headers(String secret, String scheme, URI url, String body, Instant at);

  /**
   * The body sent to one endpoint: the stored payload, or (for a dialect whose notification names
   * its subscription) the payload made that endpoint's. The same for every attempt.
   */
  default String bodyFor(String payload, String endpointId) {
    return payload;
  }
}
