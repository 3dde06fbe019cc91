package io.coralbank.dialect.cayman;

import io.coralbank.events.WebhookEndpoint;
import io.coralbank.events.WebhookEndpoints;
import io.coralbank.events.WebhookUrls;
import io.coralbank.platform.CoralProperties;
import io.coralbank.web.Caller;
import io.coralbank.web.RequiresPermission;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The key's customer's webhook endpoints: where Cayman events are POSTed, signed. */
@RestController
class WebhookEndpointsController {

  private static final int MAXIMUM_EVENTS = 20;

  private final WebhookEndpoints endpoints;
  private final CoralProperties coral;

  WebhookEndpointsController(WebhookEndpoints endpoints, CoralProperties coral) {
    this.endpoints = endpoints;
    this.coral = coral;
  }

  @RequiresPermission("webhooks:write")
  @PostMapping(
      path = "/v1/webhooks/endpoints",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  WebhookEndpointView create(@RequestBody WebhookEndpointRequest request, Caller caller) {
    String url = url(request.url());
    List<String> events = events(request.events());
    WebhookEndpoints.Registered registered =
        endpoints.register(caller.customerId(), CaymanEvents.DIALECT, "wh_", url, events);
    return view(registered.endpoint(), registered.secret());
  }

  @RequiresPermission("webhooks:write")
  @GetMapping(path = "/v1/webhooks/endpoints", produces = MediaType.APPLICATION_JSON_VALUE)
  CaymanList<WebhookEndpointView> list(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      Caller caller) {
    int size = CaymanList.limit(limit);
    if (cursor != null
        && endpoints.find(caller.customerId(), CaymanEvents.DIALECT, cursor).isEmpty()) {
      throw CaymanRefusal.invalid("cursor is not one of your webhook endpoints.");
    }
    return CaymanList.of(
        endpoints.page(caller.customerId(), CaymanEvents.DIALECT, cursor, size + 1),
        size,
        endpoint -> view(endpoint, null),
        WebhookEndpoint::id);
  }

  @RequiresPermission("webhooks:write")
  @GetMapping(
      path = "/v1/webhooks/endpoints/{endpointId}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  WebhookEndpointView endpoint(@PathVariable String endpointId, Caller caller) {
    return endpoints
        .find(caller.customerId(), CaymanEvents.DIALECT, endpointId)
        .map(endpoint -> view(endpoint, null))
        .orElseThrow(() -> notFound(endpointId));
  }

  @RequiresPermission("webhooks:write")
  @PostMapping(
      path = "/v1/webhooks/endpoints/{endpointId}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  WebhookEndpointView update(
      @PathVariable String endpointId, @RequestBody WebhookEndpointRequest request, Caller caller) {
    String url = request.url() == null ? null : url(request.url());
    List<String> events = request.events() == null ? null : events(request.events());
    return endpoints
        .update(caller.customerId(), CaymanEvents.DIALECT, endpointId, url, events)
        .map(endpoint -> view(endpoint, null))
        .orElseThrow(() -> notFound(endpointId));
  }

  /** Stripe's answer to a deletion: the id and {@code "deleted": true}. */
  record Deleted(String id, boolean deleted) {}

  @RequiresPermission("webhooks:write")
  @DeleteMapping(
      path = "/v1/webhooks/endpoints/{endpointId}",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.OK)
  Deleted delete(@PathVariable String endpointId, Caller caller) {
    if (!endpoints.delete(caller.customerId(), CaymanEvents.DIALECT, endpointId)) {
      throw notFound(endpointId);
    }
    return new Deleted(endpointId, true);
  }

  private String url(String url) {
    WebhookUrls.problem(url, coral.mode())
        .ifPresent(
            problem -> {
              throw CaymanRefusal.invalid(problem);
            });
    return url;
  }

  private static List<String> events(List<String> events) {
    if (events == null || events.isEmpty() || events.size() > MAXIMUM_EVENTS) {
      throw CaymanRefusal.invalid("events must list 1 to " + MAXIMUM_EVENTS + " event types.");
    }
    for (String event : events) {
      if (!"*".equals(event) && !CaymanEvents.TYPES.contains(event)) {
        throw CaymanRefusal.invalid(
            "events: "
                + event
                + " is not an event type. Use * or some of "
                + String.join(", ", CaymanEvents.TYPES.stream().sorted().toList())
                + ".");
      }
    }
    return events.stream().distinct().toList();
  }

  private static CaymanRefusal notFound(String endpointId) {
    return CaymanRefusal.notFound("No such webhook endpoint: " + endpointId);
  }

  private static WebhookEndpointView view(WebhookEndpoint endpoint, String secret) {
    return new WebhookEndpointView(
        endpoint.id(),
        endpoint.url(),
        endpoint.events(),
        CaymanAmounts.time(endpoint.createdAt()),
        CaymanAmounts.time(endpoint.updatedAt()),
        secret);
  }
}
