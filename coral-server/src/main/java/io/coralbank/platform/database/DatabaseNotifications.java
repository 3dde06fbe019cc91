package io.coralbank.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers PostgreSQL's {@code NOTIFY} announcements, from every server process on the database, to
 * subscribers in this one, over a connection of its own that does nothing but {@code LISTEN} (and
 * hold the presence lock described below).
 *
 * <p>A subscriber is told when it starts hearing a channel and when it stops (the connection was
 * lost or the server is stopping), because a change announced while nobody listened is never
 * announced again: whatever a subscriber remembers must be forgotten whenever it was deaf, and must
 * not be trusted until it hears again. A connection that dies silently is found by a round trip
 * every five seconds that must be answered within five, so a subscriber may trust a dead connection
 * for ten seconds at most.
 *
 * <p>The same connection holds this process's presence lock: a session advisory lock in the {@link
 * #PRESENCE_NAMESPACE}, keyed by {@link #presenceKey()}. PostgreSQL releases it the moment the
 * process dies (its connections end), so another process can tell from {@code pg_locks} whether the
 * owner of some unfinished work is still alive, without waiting out a timeout.
 */
public final class DatabaseNotifications implements AutoCloseable {

  /** What hears one channel. Called on the listening thread, so each call must be quick. */
  public interface Subscriber {

    /** Announcements on the channel reach this subscriber from now on, and none before did. */
    void listening();

    /** One announcement, with the payload its sender gave. */
    void notified(String payload);

    /** Announcements no longer reach this subscriber until it is told {@link #listening} again. */
    void deaf();
  }

  private static final Logger log = LoggerFactory.getLogger(DatabaseNotifications.class);
  private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
  private static final int POLL_MILLISECONDS = 500;
  private static final long RECONNECT_MILLISECONDS = 1_000;
  private static final long PROBE_INTERVAL_NANOSECONDS = 5_000_000_000L;
  private static final long PROBE_TIMEOUT_MILLISECONDS = 5_000;

  /**
   * The first key of every server process's presence lock ({@code pg_locks.classid}): "Cora" in
   * ASCII, so that no other use of two-key advisory locks is mistaken for a process.
   */
  public static final int PRESENCE_NAMESPACE = 0x436F7261;

  private final HikariDataSource connections;
  // Positive, so it reads the same as pg_locks.objid (an unsigned oid).
  private final int presenceKey = 1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1);
  private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();
  // Channels subscribed to since the listening connection last issued its LISTEN statements.
  private final Map<String, Boolean> unheard = new ConcurrentHashMap<>();
  private final Thread listener;
  private volatile boolean running = true;

  DatabaseNotifications(HikariDataSource connections) {
    this.connections = connections;
    this.listener =
        Thread.ofPlatform().daemon().name("database-notifications").start(this::listenAlways);
  }

  /**
   * Subscribes to {@code channel}. The subscriber is deaf until the listening connection has issued
   * its {@code LISTEN}, at most a poll interval later, and is then told {@link
   * Subscriber#listening}.
   */
  public void subscribe(String channel, Subscriber subscriber) {
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException("Not a plain channel name: " + channel);
    }
    subscribers.computeIfAbsent(channel, name -> new CopyOnWriteArrayList<>()).add(subscriber);
    unheard.put(channel, Boolean.TRUE);
  }

  /** The second key of this process's presence lock ({@code pg_locks.objid}). */
  public int presenceKey() {
    return presenceKey;
  }

  private void listenAlways() {
    while (running) {
      try (Connection connection = connections.getConnection()) {
        connection.setAutoCommit(true);
        listenOn(connection);
      } catch (SQLException | RuntimeException lost) {
        if (running) {
          log.warn(
              "Lost the connection that listens for database notifications; reconnecting", lost);
        }
      } finally {
        subscribers.values().forEach(list -> list.forEach(Subscriber::deaf));
        // A new connection listens afresh on every channel.
        subscribers.keySet().forEach(channel -> unheard.put(channel, Boolean.TRUE));
      }
      if (running) {
        sleepQuietly(RECONNECT_MILLISECONDS);
      }
    }
  }

  private void listenOn(Connection connection) throws SQLException {
    PGConnection postgres = connection.unwrap(PGConnection.class);
    // A connection cut without a word (a network partition, a firewall dropping idle sessions)
    // would otherwise look like a quiet channel forever, and subscribers would trust what they
    // remember. A round trip every few seconds, bounded by a network timeout, finds out.
    connection.setNetworkTimeout(Runnable::run, (int) PROBE_TIMEOUT_MILLISECONDS);
    holdPresence(connection);
    long nextProbe = System.nanoTime() + PROBE_INTERVAL_NANOSECONDS;
    while (running) {
      if (System.nanoTime() - nextProbe >= 0) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("select 1");
        }
        nextProbe = System.nanoTime() + PROBE_INTERVAL_NANOSECONDS;
      }
      for (String channel : List.copyOf(unheard.keySet())) {
        try (Statement statement = connection.createStatement()) {
          // The name was checked against a plain identifier pattern when subscribed.
          statement.execute("LISTEN " + channel);
        }
        unheard.remove(channel);
        subscribers.getOrDefault(channel, List.of()).forEach(Subscriber::listening);
      }
      PGNotification[] notifications = postgres.getNotifications(POLL_MILLISECONDS);
      if (notifications == null) {
        continue;
      }
      for (PGNotification notification : notifications) {
        for (Subscriber subscriber : subscribers.getOrDefault(notification.getName(), List.of())) {
          subscriber.notified(notification.getParameter());
        }
      }
    }
  }

  private void holdPresence(Connection connection) throws SQLException {
    try (PreparedStatement statement =
        connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
      statement.setInt(1, PRESENCE_NAMESPACE);
      statement.setInt(2, presenceKey);
      try (ResultSet result = statement.executeQuery()) {
        if (result.next() && !result.getBoolean(1)) {
          // Another session holds it: an earlier connection of this process that the server has
          // not yet noticed is gone. To others this process still looks alive, which it is.
          log.warn("The presence lock {} is held by another session", presenceKey);
        }
      }
    }
  }

  private static void sleepQuietly(long milliseconds) {
    try {
      Thread.sleep(milliseconds);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    listener.interrupt();
    try {
      listener.join(5_000);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    connections.close();
  }
}
