package io.coralbank.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Logins with refresh tokens (VaultsPay). A refresh token is {@code rt_<id>_<secret>}: the id finds
 * the one Argon2id hash to check the secret against. It lives five days, renews access tokens, and
 * ends when its client is disabled.
 */
@Service
public class Sessions {

  public static final Duration REFRESH_LIFETIME = Duration.ofDays(5);
  private static final int SECRET_START = "rt_".length() + 36 + 1;

  private final JdbcClient jdbc;
  private final Secrets secrets;
  private final AccessTokens tokens;
  private final ApiClients clients;
  private final Clock clock;

  Sessions(JdbcClient jdbc, Secrets secrets, AccessTokens tokens, ApiClients clients, Clock clock) {
    this.jdbc = jdbc;
    this.secrets = secrets;
    this.tokens = tokens;
    this.clients = clients;
    this.clock = clock;
  }

  public IssuedSession open(ApiClient client) {
    UUID id = UUID.randomUUID();
    String secret = secrets.newSigningSecret().replace('+', '-').replace('/', '_').replace("=", "");
    Instant now = clock.instant();
    Instant expiresAt = now.plus(REFRESH_LIFETIME);
    jdbc.sql(
            "insert into refresh_tokens (id, client_id, secret_hash, expires_at, created_at)"
                + " values (:id, :client, :hash, :expires, :now)")
        .param("id", id)
        .param("client", client.clientId())
        .param("hash", secrets.hash(secret))
        .param("expires", expiresAt.atOffset(ZoneOffset.UTC))
        .param("now", now.atOffset(ZoneOffset.UTC))
        .update();
    return new IssuedSession(tokens.issue(client), "rt_" + id + "_" + secret, expiresAt);
  }

  public RefreshOutcome refresh(String refreshToken) {
    Optional<UUID> id = idOf(refreshToken);
    if (id.isEmpty()) {
      return new RefreshOutcome.Invalid();
    }
    record Stored(UUID clientId, String hash, Instant expiresAt) {}
    Optional<Stored> stored =
        jdbc.sql("select client_id, secret_hash, expires_at from refresh_tokens where id = :id")
            .param("id", id.get())
            .query(
                (row, number) ->
                    new Stored(
                        row.getObject("client_id", UUID.class),
                        row.getString("secret_hash"),
                        row.getObject("expires_at", OffsetDateTime.class).toInstant()))
            .optional();
    // The secret is everything after "rt_<id>_"; it may itself contain underscores.
    String secret = refreshToken.substring(SECRET_START);
    if (stored.isEmpty() || !secrets.matches(secret, stored.get().hash())) {
      return new RefreshOutcome.Invalid();
    }
    if (!clock.instant().isBefore(stored.get().expiresAt())) {
      return new RefreshOutcome.Expired();
    }
    return clients
        .findForToken(stored.get().clientId())
        .filter(client -> client.status() == ClientStatus.ACTIVE)
        .<RefreshOutcome>map(client -> new RefreshOutcome.Refreshed(tokens.issue(client)))
        .orElse(new RefreshOutcome.ClientNotActive());
  }

  /** Whether the text has the shape of a refresh token at all. */
  public static boolean looksLikeRefreshToken(String text) {
    return idOf(text).isPresent();
  }

  private static Optional<UUID> idOf(String token) {
    if (token == null
        || !token.startsWith("rt_")
        || token.length() <= SECRET_START
        || token.charAt(SECRET_START - 1) != '_') {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(token.substring(3, 39)));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}
