package io.coralbank.dialect.admin;

import io.coralbank.events.WebhookDispatcher;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The webhook delivery log, and a replay for a delivery the receiver missed. */
@RestController
class WebhooksController {

  private final WebhookDispatcher dispatcher;

  WebhooksController(WebhookDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  record DeliveryLog(List<WebhookDispatcher.Delivery> data) {}

  @GetMapping(path = "/v1/webhooks/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
  DeliveryLog deliveries(
      @RequestParam(required = false) String eventId,
      @RequestParam(required = false) String endpointId,
      @RequestParam(required = false) Integer limit) {
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > 1000) {
      throw AdminProblem.badRequest("limit_must_be_in_range", "limit must be from 1 to 1000.");
    }
    return new DeliveryLog(dispatcher.log(eventId, endpointId, size));
  }

  @PostMapping(
      path = "/v1/webhooks/deliveries/{deliveryId}/replay",
      produces = MediaType.APPLICATION_JSON_VALUE)
  DeliveryLog replay(@PathVariable long deliveryId) {
    if (!dispatcher.replay(deliveryId)) {
      throw AdminProblem.notFound("delivery_not_found", "No delivery has this id.");
    }
    return new DeliveryLog(dispatcher.delivery(deliveryId).stream().toList());
  }
}
