package io.coralbank.events;

/**
 * A dialect's event, ready to store and send.
 *
 * @param id the event's stable id in the dialect's style ({@code evt_...}); receivers dedupe on it
 * @param type the dialect's event name, such as {@code transfer.completed}
 * @param objectId the dialect's id of the object the event is about
 * @param payload the exact JSON body every delivery sends
 * @param targetEndpointId the one endpoint to deliver to (a job's callback), or null to deliver to
 *     every endpoint of the customer subscribed to {@code type}
 */
public record RenderedEvent(
    String dialect,
    String id,
    String type,
    String objectId,
    String payload,
    String targetEndpointId) {

  public RenderedEvent(String dialect, String id, String type, String objectId, String payload) {
    this(dialect, id, type, objectId, payload, null);
  }
}
