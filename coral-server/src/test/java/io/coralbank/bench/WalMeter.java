package io.coralbank.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Reads how far PostgreSQL's write-ahead log has advanced, so that a measured step can say how many
 * bytes of log each request wrote. Unlike CPU time this hardly moves from run to run: it counts the
 * rows and index entries a request writes (and the full pages a checkpoint makes the next change of
 * each page log again), so it shows a change to the data model, or to what a request writes, even
 * on a machine whose speed varies by a fifth between runs.
 */
final class WalMeter implements AutoCloseable {

  private final Connection connection;

  WalMeter(String databaseUrl) throws SQLException {
    this.connection = DriverManager.getConnection(databaseUrl);
  }

  /** The log's position in bytes from its start; the difference of two is what was written. */
  long position() throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select pg_current_wal_lsn() - '0/0'")) {
      row.next();
      return row.getLong(1);
    }
  }

  /** Kilobytes of log per request, from the bytes written over {@code requests} requests. */
  static double kilobytesEach(long bytes, long requests) {
    return requests <= 0 ? Double.NaN : bytes / 1024.0 / requests;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
