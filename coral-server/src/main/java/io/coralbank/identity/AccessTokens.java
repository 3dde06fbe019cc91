package io.coralbank.identity;

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

  /** Checks the token for {@code dialect}; valid only while its client is active. */
  public TokenVerification verify(ClientDialect dialect, String token) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException | RuntimeException malformed) {
      return new Invalid(Reason.MALFORMED);
    }
    if (!JWSAlgorithm.PS256.equals(jwt.getHeader().getAlgorithm())) {
      return new Invalid(Reason.ALGORITHM_NOT_ALLOWED);
    }
    String kid = jwt.getHeader().getKeyID();
    Optional<RSAKey> key = kid == null ? Optional.empty() : keys.find(kid);
    if (key.isEmpty()) {
      return new Invalid(Reason.UNKNOWN_KEY);
    }
    try {
      if (!jwt.verify(verifierFor(key.get()))) {
        return new Invalid(Reason.BAD_SIGNATURE);
      }
    } catch (JOSEException badKeyOrSignature) {
      return new Invalid(Reason.BAD_SIGNATURE);
    }
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
