package io.coralbank.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Runs work that only one server process at a time may do, across every process on the database:
 * the work holds a PostgreSQL session advisory lock named after it. PostgreSQL releases the lock
 * when its connection ends, so a process killed mid-work never leaves it held.
 */
@Component
public class ClusterLocks {

  private final DataSource dataSource;

  ClusterLocks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Waits until no other process runs work named {@code name}, then runs {@code work}. The work
   * uses its own connections; this one only holds the lock.
   */
  public void runAlone(String name, Runnable work) {
    try (Connection connection = dataSource.getConnection()) {
      call(connection, "select pg_advisory_lock(hashtextextended(?, 0))", name);
      try {
        work.run();
      } finally {
        call(connection, "select pg_advisory_unlock(hashtextextended(?, 0))", name);
      }
    } catch (SQLException failure) {
      throw new DataAccessResourceFailureException("Could not hold the lock " + name, failure);
    }
  }

  private static void call(Connection connection, String sql, String name) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, name);
      statement.execute();
    }
  }
}
