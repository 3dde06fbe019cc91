package io.coralbank.dialect.cayman;

import io.coralbank.events.Events;
import io.coralbank.web.Caller;
import io.coralbank.web.RequiresPermission;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The key's customer's events, newest first, exactly as webhooks deliver them: a client that missed
 * a delivery catches up here and dedupes on the event id.
 */
@RestController
class EventsController {

  private final Events events;
  private final JsonMapper json = JsonMapper.builder().build();

  EventsController(Events events) {
    this.events = events;
  }

  @RequiresPermission("events:read")
  @GetMapping(path = "/v1/events", produces = MediaType.APPLICATION_JSON_VALUE)
  CaymanList<JsonNode> list(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String type,
      Caller caller) {
    int size = CaymanList.limit(limit);
    if (cursor != null
        && events.find(caller.customerId(), CaymanEvents.DIALECT, cursor).isEmpty()) {
      throw CaymanRefusal.invalid("cursor is not one of your events.");
    }
    return CaymanList.of(
        events.page(caller.customerId(), CaymanEvents.DIALECT, type, cursor, size + 1),
        size,
        event -> json.readTree(event.payload()),
        Events.StoredEvent::id);
  }

  @RequiresPermission("events:read")
  @GetMapping(path = "/v1/events/{eventId}", produces = MediaType.APPLICATION_JSON_VALUE)
  JsonNode event(@PathVariable String eventId, Caller caller) {
    return events
        .find(caller.customerId(), CaymanEvents.DIALECT, eventId)
        .map(event -> json.readTree(event.payload()))
        .orElseThrow(() -> CaymanRefusal.notFound("No such event: " + eventId));
  }
}
