package io.coralbank.platform;

/**
 * How the server runs. The mode decides defaults that differ between a developer's sandbox and a
 * bank's production system; it never changes how money moves.
 */
public enum CoralMode {
  /** Demo data, default credentials, testing endpoints and a movable clock. */
  SANDBOX,
  /** Nothing seeded, explicit secrets required, testing endpoints absent. */
  PRODUCTION
}
