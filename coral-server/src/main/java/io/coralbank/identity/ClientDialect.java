package io.coralbank.identity;

import java.util.Locale;
import java.util.Optional;

/** The public API a client is for; a client works in exactly one. */
public enum ClientDialect {
  BCB,
  CAYMAN,
  VAULTSPAY;

  /** Whether clients of this dialect present an API key on every request rather than a token. */
  public boolean usesApiKeys() {
    return this == CAYMAN;
  }

  /** The dialect named {@code name} as written in the admin API ({@code "bcb"}). */
  public static Optional<ClientDialect> named(String name) {
    for (ClientDialect dialect : values()) {
      if (dialect.name().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(dialect);
      }
    }
    return Optional.empty();
  }
}
