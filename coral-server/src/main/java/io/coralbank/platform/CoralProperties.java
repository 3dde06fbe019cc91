package io.coralbank.platform;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Coral's typed configuration, bound from {@code application.yml} where each setting maps to one
 * {@code CORAL_*} environment variable.
 *
 * @param mode sandbox (default) or production
 * @param adminToken the operator API's bearer token; blank means "use the sandbox default"
 * @param encryptionKey base64 of the 32-byte key that encrypts card numbers and other data at rest
 * @param jwtKeysDirectory directory of RSA private keys ({@code rsa-<n>.pem}) that sign tokens
 * @param database where the books are kept
 * @param http limits that apply to every request
 * @param dialects base path of each dialect, by dialect name
 */
@ConfigurationProperties("coral")
public record CoralProperties(
    CoralMode mode,
    String adminToken,
    String encryptionKey,
    String jwtKeysDirectory,
    Database database,
    Http http,
    Map<String, Dialect> dialects) {

  /** The token that works on the admin API in sandbox mode when none is configured. */
  public static final String SANDBOX_ADMIN_TOKEN = "sandbox-admin-token";

  /**
   * @param url JDBC URL of an external PostgreSQL; blank starts the embedded one
   * @param user user for the external server
   * @param password password for the external server
   * @param embeddedDirectory where the embedded PostgreSQL keeps its data across restarts
   * @param poolSize maximum connections in the pool
   */
  public record Database(
      String url, String user, String password, String embeddedDirectory, int poolSize) {

    public boolean isExternal() {
      return url != null && !url.isBlank();
    }
  }

  /**
   * @param maxBodyBytes largest request body accepted; larger ones are refused with 413
   */
  public record Http(long maxBodyBytes) {}

  /**
   * @param basePath path prefix under which the dialect is mounted ("/" serves it at the root)
   */
  public record Dialect(String basePath) {}

  /** The admin token in effect: the configured one, or the sandbox default. */
  public String effectiveAdminToken() {
    if (adminToken != null && !adminToken.isBlank()) {
      return adminToken;
    }
    return mode == CoralMode.SANDBOX ? SANDBOX_ADMIN_TOKEN : null;
  }
}
