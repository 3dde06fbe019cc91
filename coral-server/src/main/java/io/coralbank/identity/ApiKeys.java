package io.coralbank.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Authenticates API keys ({@code sk_<client id>_<secret>}) presented on every request. Checking an
 * Argon2id hash costs tens of milliseconds by design, too much per request, so a key that passed is
 * remembered for five minutes by its SHA-256 digest (never in clear). The client's status is
 * checked on every request (from {@link ClientCache}, which forgets a client as soon as a change to
 * it is announced), so disabling a client stops its key at once. (Rotating a key will have to
 * forget the remembered digest of the old one; no dialect rotates API keys yet.)
 */
@Service
public class ApiKeys {

  static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
  private static final int MAXIMUM_REMEMBERED = 10_000;

  private final ApiClients clients;
  private final Clock clock;
  private final Map<String, Remembered> verified = new ConcurrentHashMap<>();

  private record Remembered(UUID clientId, Instant until) {}

  ApiKeys(ApiClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /** The active client of {@code dialect} whose key this is. */
  public Optional<ApiClient> authenticate(ClientDialect dialect, String apiKey) {
    Optional<UUID> clientId = clientIdOf(apiKey);
    if (clientId.isEmpty()) {
      return Optional.empty();
    }
    String digest = sha256(apiKey);
    Remembered remembered = verified.get(digest);
    Instant now = clock.instant();
    if (remembered != null && now.isBefore(remembered.until())) {
      return clients
          .findForToken(remembered.clientId())
          .filter(client -> client.dialect() == dialect)
          .filter(client -> client.status() == ClientStatus.ACTIVE);
    }
    Optional<ApiClient> client = clients.authenticate(dialect, clientId.get(), apiKey);
    if (client.isPresent()) {
      if (verified.size() >= MAXIMUM_REMEMBERED) {
        verified.clear();
      }
      verified.put(digest, new Remembered(clientId.get(), now.plus(REMEMBERED_FOR)));
    } else {
      verified.remove(digest);
    }
    return client;
  }

  private static Optional<UUID> clientIdOf(String apiKey) {
    if (apiKey == null || !apiKey.startsWith("sk_") || apiKey.length() < 3 + 32 + 2) {
      return Optional.empty();
    }
    String hex = apiKey.substring(3, 35);
    if (apiKey.charAt(35) != '_' || !hex.matches("[0-9a-f]{32}")) {
      return Optional.empty();
    }
    return Optional.of(
        UUID.fromString(
            hex.substring(0, 8)
                + "-"
                + hex.substring(8, 12)
                + "-"
                + hex.substring(12, 16)
                + "-"
                + hex.substring(16, 20)
                + "-"
                + hex.substring(20)));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
