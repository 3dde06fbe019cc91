package io.coralbank.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run from the binaries packaged as a Maven artifact, keeping its data in a
 * directory that survives restarts, so a bank's books outlive the process.
 *
 * <p>Only one Coral process may use a directory at a time. Two postmasters on one data directory
 * would corrupt it, so the directory is claimed with an operating-system file lock beside it before
 * PostgreSQL is started; the lock is released by the kernel even if the process dies.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

  public static final String DATABASE_NAME = "coral";
  static final String SUPERUSER = "postgres";
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final Path dataDirectory;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(
      Path dataDirectory, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
    this.dataDirectory = dataDirectory;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.postgres = postgres;
  }

  /** Starts PostgreSQL on {@code dataDirectory}, creating the cluster on first use. */
  public static EmbeddedPostgresServer start(Path dataDirectory) {
    Path directory = dataDirectory.toAbsolutePath().normalize();
    Path lockFile = directory.resolveSibling(directory.getFileName() + ".lock");
    FileChannel lockChannel = null;
    FileLock lock = null;
    try {
      Files.createDirectories(directory.getParent());
      lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = tryLock(lockChannel);
      if (lock == null) {
        throw inUse(directory, lockFile, null);
      }
      lockChannel.truncate(0);
      lockChannel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
      boolean firstStart = !Files.exists(directory.resolve("PG_VERSION"));
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(directory.toFile())
              .setCleanDataDirectory(false)
              // Crash recovery after an unclean stop can take longer than the default 10 s.
              .setPGStartupWait(Duration.ofSeconds(120))
              .setServerConfig("max_connections", "300")
              // The library starts PostgreSQL with -F (fsync off) and synchronous_commit off,
              // settings made for throwaway test databases. These are a bank's books: a commit
              // must be on disk before it is acknowledged. Later options override -F.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              // Under load a transfer request writes about 4 KB of WAL, so PostgreSQL's default
              // 1 GB between checkpoints is used up in under a minute, and every checkpoint makes
              // the next change of each page log the whole page again (up to 30 KB per request in
              // the load's steps with one). 4 GB spaces them out; an idle server keeps far less.
              .setServerConfig("max_wal_size", "4GB")
              // A WAL segment that is new, not recycled, is first filled with 16 MB of zeros and
              // synced while every commit waits for it: in a fresh database at 2,000 transfers/s,
              // every two seconds until checkpoints leave segments to recycle, and the p99 of
              // those seconds tripled (docs/performance.md, "New WAL segments"). Without the zeros
              // only the segment's last byte is written; on a full disk PostgreSQL stops either
              // way, and crash recovery reads an unwritten page as the end of the log as before.
              .setServerConfig("wal_init_zero", "off")
              // Under load the connections' backends write out dirty pages themselves to make room
              // in the buffer pool, and by default leave them in the kernel's page cache: hundreds
              // of megabytes that the checkpoint's final fsync then writes in one burst, while
              // every commit waits behind it for its WAL flush (a 260 ms stall at 2,450
              // requests/s). With this, a backend asks the kernel to start writing after each
              // 256 kB, as the checkpointer and background writer already do, and the burst stays
              // small (docs/performance.md, "Checkpoint flushes").
              .setServerConfig("backend_flush_after", "256kB")
              .start();
      createDatabaseIfAbsent(postgres);
      log.info(
          "{} embedded PostgreSQL in {} on port {}",
          firstStart ? "Created and started" : "Started",
          directory,
          postgres.getPort());
      return new EmbeddedPostgresServer(directory, lockChannel, lock, postgres);
    } catch (EmbeddedDatabaseUnavailableException alreadyExplained) {
      closeQuietly(lockChannel);
      throw alreadyExplained;
    } catch (IOException | RuntimeException | SQLException failure) {
      closeQuietly(lockChannel);
      throw new EmbeddedDatabaseUnavailableException(
          "The embedded PostgreSQL could not start in " + directory + ": " + failure.getMessage(),
          "If a previous Coral process was killed, a PostgreSQL process it started may still be"
              + " running on that directory: stop it (pg_ctl stop -D "
              + directory
              + "). Otherwise choose another directory with CORAL_EMBEDDED_DB_DIR, or use an"
              + " external server with CORAL_DB_URL.",
          failure);
    }
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldByThisProcess) {
      return null;
    }
  }

  private static EmbeddedDatabaseUnavailableException inUse(
      Path directory, Path lockFile, Throwable cause) {
    return new EmbeddedDatabaseUnavailableException(
        "The embedded database directory "
            + directory
            + " is already in use by another Coral server (it holds the lock "
            + lockFile
            + ").",
        "Stop the other server, or give this one its own directory with CORAL_EMBEDDED_DB_DIR."
            + " To run several servers on the same books, point them all at one PostgreSQL with"
            + " CORAL_DB_URL.",
        cause);
  }

  private static void createDatabaseIfAbsent(EmbeddedPostgres postgres) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, DATABASE_NAME);
      try (ResultSet result = exists.executeQuery()) {
        if (result.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute("create database " + DATABASE_NAME);
      }
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(SUPERUSER, DATABASE_NAME);
  }

  public Path dataDirectory() {
    return dataDirectory;
  }

  public int port() {
    return postgres.getPort();
  }

  @Override
  public void close() throws IOException {
    try {
      postgres.close();
    } finally {
      lock.release();
      lockChannel.close();
    }
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException ignored) {
      // Closing releases the lock; there is nothing more to do if closing itself fails.
    }
  }
}
