package io.coralbank.events;

import java.time.Instant;
import java.util.Optional;

/** A dialect's view of domain events: which it tells its clients about, and in what shape. */
public interface EventRenderer {

  /**
   * The dialect's event for {@code event}, or empty when its clients do not hear of it. Called in
   * the transaction of the change, so the object is read as the change left it.
   */
  Optional<RenderedEvent> render(DomainEvent event, Instant at);
}
