package io.coralbank.identity;

import io.coralbank.platform.database.AnnouncedCache;
import io.coralbank.platform.database.DatabaseNotifications;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The API clients that authenticated requests name, kept in memory so that authenticating a request
 * is not a database read. Every request re-checks its client (a disabled client must be refused at
 * once), and that read was one of the few round trips every request made.
 *
 * <p>It is only as current as what it hears ({@link AnnouncedCache}): a trigger on {@code
 * api_clients} announces every change to a client on the channel {@value #CHANNEL}. A change made
 * by this process is also forgotten here directly after its commit, so in this process it takes
 * effect at once; in others, within milliseconds.
 */
@Component
class ClientCache {

  static final String CHANNEL = "coral_api_client_changed";

  private final AnnouncedCache<UUID, Optional<ApiClient>> clients;

  ClientCache(DatabaseNotifications notifications) {
    this.clients = new AnnouncedCache<>(notifications, CHANNEL, 10_000, UUID::fromString);
  }

  Optional<ApiClient> find(UUID clientId, Function<UUID, Optional<ApiClient>> read) {
    return clients.find(clientId, read);
  }

  /** Forgets a client this process has just changed (after the change committed). */
  void forget(UUID clientId) {
    clients.forget(clientId);
  }
}
