package io.coralbank.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.coralbank.platform.database.DatabaseNotifications;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The API clients that authenticated requests name, kept in memory so that authenticating a request
 * is not a database read. Every request re-checks its client (a disabled client must be refused at
 * once), and that read was one of the few round trips every request made.
 *
 * <p>It is only as current as what it hears. A trigger on {@code api_clients} announces every
 * change to a client, by any server process or by hand, on the channel {@value #CHANNEL}, and the
 * changed client is forgotten here as soon as the announcement arrives (milliseconds after the
 * change commits). While it is not listening (at start, or after its connection was lost) it holds
 * nothing and every lookup reads the database, since a change made then would never be announced to
 * it; it starts remembering again only once it hears again. A listening connection that dies
 * without a word is found within ten seconds ({@link DatabaseNotifications}), which bounds how long
 * a change made elsewhere can go unseen. A change made by this process is also forgotten here
 * directly after its commit, so in this process it takes effect at once.
 */
@Component
class ClientCache implements DatabaseNotifications.Subscriber {

  static final String CHANNEL = "coral_api_client_changed";

  private final Cache<UUID, Optional<ApiClient>> clients =
      Caffeine.newBuilder().maximumSize(10_000).build();
  // Counts everything that may make a remembered client wrong. A lookup remembers what it read
  // only if nothing was counted while it read, so a change announced during a read is not
  // overwritten by the value read before it.
  private final AtomicLong changes = new AtomicLong();
  private volatile boolean listening;

  ClientCache(DatabaseNotifications notifications) {
    notifications.subscribe(CHANNEL, this);
  }

  Optional<ApiClient> find(UUID clientId, Function<UUID, Optional<ApiClient>> read) {
    Optional<ApiClient> remembered = clients.getIfPresent(clientId);
    if (remembered != null) {
      return remembered;
    }
    long before = changes.get();
    boolean trusted = listening;
    Optional<ApiClient> client = read.apply(clientId);
    if (trusted) {
      clients.put(clientId, client);
      // Checked after the put: a change counted before this check is followed by this removal,
      // one counted after it by the change's own removal, so a stale client never stays.
      if (changes.get() != before || !listening) {
        clients.invalidate(clientId);
      }
    }
    return client;
  }

  /** Forgets a client this process has just changed (after the change committed). */
  void forget(UUID clientId) {
    changes.incrementAndGet();
    clients.invalidate(clientId);
  }

  @Override
  public void listening() {
    // Whatever changed while nobody listened was not announced: start from nothing.
    changes.incrementAndGet();
    clients.invalidateAll();
    listening = true;
  }

  @Override
  public void notified(String payload) {
    try {
      forget(UUID.fromString(payload));
    } catch (IllegalArgumentException notAClientId) {
      forgetAll();
    }
  }

  @Override
  public void deaf() {
    listening = false;
    forgetAll();
  }

  private void forgetAll() {
    changes.incrementAndGet();
    clients.invalidateAll();
  }
}
