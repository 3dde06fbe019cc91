package io.coralbank.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.coralbank.identity.TokenVerification.Invalid;
import io.coralbank.identity.TokenVerification.Reason;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies access tokens: JWTs signed PS256 with the newest {@link SigningKeys} key,
 * valid for 40 minutes for BCB (without refresh tokens) and an hour for VaultsPay. Claims: {@code
 * iss} "coral", {@code aud} the dialect, {@code sub} and {@code client_id} the client, {@code
 * customer_id}, {@code permissions}, {@code iat}, {@code exp}, {@code jti}.
 *
 * <p>Verification accepts only PS256 from a known key, so {@code alg: none} and HS256 forgeries
 * fail before any signature is checked, and a token of a client that was disabled fails at once.
 * Time is Coral's clock, so moving the sandbox clock expires tokens.
 */
@Service
public class AccessTokens {

  /** BCB: "Tokens are valid for 40 minutes". */
  public static final Duration BCB_LIFETIME = Duration.ofMinutes(40);

  /** VaultsPay documents no lifetime; an hour, refreshed with a refresh token. */
  public static final Duration VAULTSPAY_LIFETIME = Duration.ofHours(1);

  static final String ISSUER = "coral";

  private final SigningKeys keys;
  private final ApiClients clients;
  private final Clock clock;
  private final Map<String, KeyVerifier> verifiers = new ConcurrentHashMap<>();

  /**
   * Tokens whose signature was verified, by their exact text: a token altered in any byte is
   * another entry and is checked afresh. Bounded, so a flood of valid tokens cannot grow it past a
   * few tens of megabytes (about 2 kB an entry); an entry outlives no token, since none lives
   * longer than an hour.
   */
  private final Cache<String, SignedClaims> checkedSignatures =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(VAULTSPAY_LIFETIME).build();

  AccessTokens(SigningKeys keys, ApiClients clients, Clock clock) {
    this.keys = keys;
    this.clients = clients;
    this.clock = clock;
  }

  public IssuedToken issue(ApiClient client) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    Instant expiresAt = now.plus(lifetime(client.dialect()));
    RSAKey key = keys.current();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(audience(client.dialect()))
            .subject(client.clientId().toString())
            .claim("client_id", client.clientId().toString())
            .claim("customer_id", client.customerId().toString())
            .claim("permissions", client.permissions())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expiresAt))
            .jwtID(UUID.randomUUID().toString())
            .build();
    try {
      SigningKeys.requireSigner(key);
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.PS256)
                  .keyID(key.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return new IssuedToken(jwt.serialize(), expiresAt);
    } catch (JOSEException failure) {
      throw new IllegalStateException("Could not sign an access token", failure);
    }
  }

  /**
   * Checks the token for {@code dialect}; valid only while its client is active. The signature of a
   * token is checked once per server process: a client sends the same token on every request for up
   * to 40 minutes, and the RSA check was the largest part of authentication. Everything that can
   * change is checked on every request: the signing key is still one Coral has, the audience, the
   * expiry on Coral's clock, and the client's status (from {@link ClientCache}, which forgets a
   * client as soon as a change to it is announced).
   */
  public TokenVerification verify(ClientDialect dialect, String token) {
    SignedClaims signed = checkedSignatures.getIfPresent(token);
    if (signed == null || !stillKnown(signed.key())) {
      switch (checkSignature(token)) {
        case SignatureCheck.Failed failed -> {
          return new Invalid(failed.reason());
        }
        case SignatureCheck.Passed passed -> {
          signed = passed.signed();
          checkedSignatures.put(token, signed);
        }
      }
    }
    return checkClaims(dialect, signed.claims());
  }

  /** A token whose signature {@code key} verified, and the claims it carries. */
  private record SignedClaims(RSAKey key, JWTClaimsSet claims) {}

  private sealed interface SignatureCheck {
    record Passed(SignedClaims signed) implements SignatureCheck {}

    record Failed(Reason reason) implements SignatureCheck {}
  }

  /** Only PS256 from a key Coral has, so forgeries fail before any signature is computed. */
  private SignatureCheck checkSignature(String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException malformed) {
      return new SignatureCheck.Failed(Reason.MALFORMED);
    }
    if (!JWSAlgorithm.PS256.equals(jwt.getHeader().getAlgorithm())) {
      return new SignatureCheck.Failed(Reason.ALGORITHM_NOT_ALLOWED);
    }
    String kid = jwt.getHeader().getKeyID();
    Optional<RSAKey> key = kid == null ? Optional.empty() : keys.find(kid);
    if (key.isEmpty()) {
      return new SignatureCheck.Failed(Reason.UNKNOWN_KEY);
    }
    try {
      if (!jwt.verify(verifierFor(key.get()))) {
        return new SignatureCheck.Failed(Reason.BAD_SIGNATURE);
      }
    } catch (JOSEException badKeyOrSignature) {
      return new SignatureCheck.Failed(Reason.BAD_SIGNATURE);
    }
    return new SignatureCheck.Passed(new SignedClaims(key.get(), claims));
  }

  /** Whether the key that verified a remembered signature is still the key of that name. */
  private boolean stillKnown(RSAKey key) {
    return keys.find(key.getKeyID()).filter(current -> current == key).isPresent();
  }

  private TokenVerification checkClaims(ClientDialect dialect, JWTClaimsSet claims) {
    if (!ISSUER.equals(claims.getIssuer())
        || claims.getAudience() == null
        || !claims.getAudience().contains(audience(dialect))) {
      return new Invalid(Reason.WRONG_ISSUER_OR_AUDIENCE);
    }
    Date expiry = claims.getExpirationTime();
    if (expiry == null || !clock.instant().isBefore(expiry.toInstant())) {
      return new Invalid(Reason.EXPIRED);
    }
    try {
      UUID clientId = UUID.fromString(claims.getStringClaim("client_id"));
      UUID customerId = UUID.fromString(claims.getStringClaim("customer_id"));
      List<String> permissions = claims.getStringListClaim("permissions");
      Optional<ApiClient> active =
          clients
              .findForToken(clientId)
              .filter(client -> client.status() == ClientStatus.ACTIVE)
              .filter(client -> client.customerId().equals(customerId));
      if (active.isEmpty()) {
        return new Invalid(Reason.CLIENT_NOT_ACTIVE);
      }
      return new TokenVerification.Valid(
          new TokenClaims(
              clientId,
              customerId,
              permissions == null ? List.of() : permissions,
              expiry.toInstant()),
          active.get());
    } catch (ParseException | IllegalArgumentException | NullPointerException badClaims) {
      return new Invalid(Reason.MALFORMED);
    }
  }

  /**
   * The verifier of a signing key, made once per key: turning the JWK into a public key decodes its
   * numbers, and every request would otherwise pay for that again. A key replaced under the same id
   * is a different object and gets a verifier of its own.
   */
  private RSASSAVerifier verifierFor(RSAKey key) throws JOSEException {
    KeyVerifier cached = verifiers.get(key.getKeyID());
    if (cached != null && cached.key() == key) {
      return cached.verifier();
    }
    RSASSAVerifier verifier = new RSASSAVerifier(key.toRSAPublicKey());
    verifiers.put(key.getKeyID(), new KeyVerifier(key, verifier));
    return verifier;
  }

  private record KeyVerifier(RSAKey key, RSASSAVerifier verifier) {}

  /** How long a token of the dialect lives. */
  public static Duration lifetime(ClientDialect dialect) {
    return dialect == ClientDialect.VAULTSPAY ? VAULTSPAY_LIFETIME : BCB_LIFETIME;
  }

  private static String audience(ClientDialect dialect) {
    return dialect.name().toLowerCase(java.util.Locale.ROOT);
  }
}
