package io.coralbank.platform.database;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Rows kept in memory for as long as nothing announces a change to them: a trigger on their table
 * sends the changed row's key on a channel ({@code NOTIFY}), by whichever server process or
 * operator made the change, and the row is forgotten here as soon as the announcement arrives
 * (milliseconds after the change commits).
 *
 * <p>While it is not listening (at start, or after its connection was lost) it holds nothing and
 * every lookup reads the database, because a change made then is never announced to it; it starts
 * remembering again only once it hears again. A listening connection that dies without a word is
 * found within ten seconds ({@link DatabaseNotifications}), which bounds how long a change made
 * elsewhere can go unseen. Absent rows are remembered too, so the trigger must announce inserts.
 *
 * @param <K> the row's key, as the announcement's payload names it
 * @param <V> what a lookup answers; never null (an absent row is an empty {@code Optional})
 */
public final class AnnouncedCache<K, V> implements DatabaseNotifications.Subscriber {

  private final Cache<K, V> entries;
  private final Function<String, K> keyOfPayload;
  // Counts everything that may make a remembered value wrong. A lookup remembers what it read only
  // if nothing was counted while it read, so a change announced during a read is not overwritten
  // by the value read before it.
  private final AtomicLong changes = new AtomicLong();
  private volatile boolean listening;

  /**
   * @param keyOfPayload the key an announcement names; it may throw {@link
   *     IllegalArgumentException} for a payload it cannot read, and everything is then forgotten
   */
  public AnnouncedCache(
      DatabaseNotifications notifications,
      String channel,
      long maximumSize,
      Function<String, K> keyOfPayload) {
    this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    this.keyOfPayload = keyOfPayload;
    notifications.subscribe(channel, this);
  }

  /** The remembered value of {@code key}, or what {@code read} answers, remembered if trusted. */
  public V find(K key, Function<K, V> read) {
    V remembered = entries.getIfPresent(key);
    if (remembered != null) {
      return remembered;
    }
    long before = changes.get();
    boolean trusted = listening;
    V value = read.apply(key);
    if (trusted) {
      entries.put(key, value);
      // Checked after the put: a change counted before this check is followed by this removal,
      // one counted after it by the change's own removal, so a stale value never stays.
      if (changes.get() != before || !listening) {
        entries.invalidate(key);
      }
    }
    return value;
  }

  /** Forgets a row this process has just changed (after the change committed). */
  public void forget(K key) {
    changes.incrementAndGet();
    entries.invalidate(key);
  }

  @Override
  public void listening() {
    // Whatever changed while nobody listened was not announced: start from nothing.
    changes.incrementAndGet();
    entries.invalidateAll();
    listening = true;
  }

  @Override
  public void notified(String payload) {
    K key;
    try {
      key = keyOfPayload.apply(payload);
    } catch (IllegalArgumentException unreadable) {
      forgetAll();
      return;
    }
    forget(key);
  }

  @Override
  public void deaf() {
    listening = false;
    forgetAll();
  }

  private void forgetAll() {
    changes.incrementAndGet();
    entries.invalidateAll();
  }
}
