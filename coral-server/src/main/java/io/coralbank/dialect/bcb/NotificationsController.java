package io.coralbank.dialect.bcb;

import io.coralbank.events.WebhookEndpoint;
import io.coralbank.events.WebhookEndpoints;
import io.coralbank.events.WebhookUrls;
import io.coralbank.identity.ApiClients;
import io.coralbank.platform.CoralProperties;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's notification subscriptions: a webhook URL and a topic ({@code Deposits}), with custom
 * headers echoed on every delivery; signed with the subscribing client's message signing secret.
 */
@RestController
class NotificationsController {

  static final List<String> TOPICS = List.of(BcbEvents.DEPOSITS);

  /**
   * @param signatureVersion {@code hmac} (the default: HMAC-SHA256 with the client's message
   *     signing secret) or {@code rsa-v1} (RSA-PSS with the bank's key published in the JWKS)
   */
  record SubscriptionRequest(
      String url, String topic, Map<String, String> customHeaders, String signatureVersion) {}

  record Subscription(
      String subscriptionId,
      String url,
      String topic,
      Map<String, String> customHeaders,
      boolean active,
      String signatureVersion,
      String createdAt) {}

  private final WebhookEndpoints endpoints;
  private final ApiClients clients;
  private final CoralProperties coral;

  NotificationsController(WebhookEndpoints endpoints, ApiClients clients, CoralProperties coral) {
    this.endpoints = endpoints;
    this.clients = clients;
    this.coral = coral;
  }

  @RequiresPermission("manage-notifications")
  @PostMapping(
      path = "/v1/notifications/subscriptions",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  @ResponseStatus(HttpStatus.CREATED)
  Subscription subscribe(@RequestBody SubscriptionRequest request, Caller caller) {
    WebhookUrls.problem(request.url(), coral.mode())
        .ifPresent(
            problem -> {
              throw malformed(problem);
            });
    if (request.topic() == null || !TOPICS.contains(request.topic())) {
      throw malformed("topic must be one of " + String.join(", ", TOPICS) + ".");
    }
    BcbCustomHeaders.checked(request.customHeaders());
    String scheme = request.signatureVersion() == null ? "hmac" : request.signatureVersion();
    if (!scheme.equals("hmac") && !scheme.equals(BcbWebhookSigner.RSA_V1)) {
      throw malformed("signatureVersion must be hmac or rsa-v1.");
    }
    WebhookEndpoint endpoint =
        endpoints.registerWithSecret(
            caller.customerId(),
            BcbEvents.DIALECT,
            UUID.randomUUID().toString(),
            request.url(),
            List.of(request.topic()),
            clients.signingSecretEncrypted(caller.customerId(), caller.clientId()).orElseThrow(),
            request.customHeaders(),
            scheme.equals(BcbWebhookSigner.RSA_V1) ? BcbWebhookSigner.RSA_V1 : null);
    return view(endpoint);
  }

  @RequiresPermission("manage-notifications")
  @GetMapping(
      path = "/v1/notifications/subscriptions",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  List<Subscription> list(Caller caller) {
    return endpoints.page(caller.customerId(), BcbEvents.DIALECT, null, 1000).stream()
        .filter(endpoint -> TOPICS.containsAll(endpoint.events()))
        .map(this::view)
        .toList();
  }

  @RequiresPermission("manage-notifications")
  @GetMapping(
      path = "/v1/notifications/subscriptions/{subscriptionId}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  Subscription subscription(@PathVariable String subscriptionId, Caller caller) {
    return endpoints
        .find(caller.customerId(), BcbEvents.DIALECT, subscriptionId)
        .filter(endpoint -> TOPICS.containsAll(endpoint.events()))
        .map(this::view)
        .orElseThrow(NotificationsController::notFound);
  }

  /** Deactivates the subscription: nothing more is sent to it. */
  @RequiresPermission("manage-notifications")
  @DeleteMapping(
      path = "/v1/notifications/subscriptions/{subscriptionId}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  Subscription deactivate(@PathVariable String subscriptionId, Caller caller) {
    Subscription current = subscription(subscriptionId, caller);
    endpoints.delete(caller.customerId(), BcbEvents.DIALECT, subscriptionId);
    return new Subscription(
        current.subscriptionId(),
        current.url(),
        current.topic(),
        current.customHeaders(),
        false,
        current.signatureVersion(),
        current.createdAt());
  }

  private Subscription view(WebhookEndpoint endpoint) {
    return new Subscription(
        endpoint.id(),
        endpoint.url(),
        endpoint.events().getFirst(),
        endpoints.customHeaders(endpoint.id()),
        true,
        endpoints.signingSchemeOf(endpoint.id()) == null
            ? "hmac"
            : endpoints.signingSchemeOf(endpoint.id()),
        endpoint.createdAt().toString());
  }

  private static BcbRejections.Refusal notFound() {
    return new BcbRejections.Refusal(404, "NOT_FOUND", "Subscription not found");
  }

  private static RequestRefused malformed(String message) {
    return new RequestRefused(FailureKind.MALFORMED_REQUEST, message);
  }
}
