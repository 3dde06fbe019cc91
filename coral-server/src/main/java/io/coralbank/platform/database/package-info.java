/**
 * Where the books are kept: starts the embedded PostgreSQL (the zero-setup default) or connects to
 * the external server named by {@code CORAL_DB_URL}, and provides the one connection pool and locks
 * that hold across every server process on the database ({@link
 * io.coralbank.platform.database.ClusterLocks}), and delivers the database's {@code NOTIFY}
 * announcements from every process to subscribers in this one ({@link
 * io.coralbank.platform.database.DatabaseNotifications}).
 *
 * <p>It owns no tables; Flyway migrations under {@code db/migration} own the schema, and each core
 * module owns its tables. It must not contain queries of any module.
 */
package io.coralbank.platform.database;
