package io.coralbank.web;

import io.coralbank.audit.AuditEntry;
import io.coralbank.idempotency.Claim;
import io.coralbank.idempotency.ClaimBatches;
import io.coralbank.idempotency.IdempotencyKeys;
import io.coralbank.idempotency.StoredResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * Makes every changing request that carries {@code Idempotency-Key} happen once, in every dialect:
 * key = (principal, method and route template, key).
 *
 * <p>It opens the request's database transaction before the handler, claims the key in it, lets the
 * handler's own writes join it, stores the final response in it, and commits once: the effect and
 * the stored response (and the request's audit entry) exist together or not at all. A retry with
 * the same body gets the stored response with {@code Idempotent-Replayed: true}; with a different
 * body, 422; a retry that arrives while the first is running waits for it (then replays), and after
 * the wait, 409. Refusals of authentication and of the request's shape are not stored. Money moved
 * by the ledger engine commits in the engine's own transaction; handlers make those transfers
 * idempotent by deriving their transfer ids from the key.
 *
 * <p>A handler marked {@link LedgerTransfersOnly} has no writes of its own to join that
 * transaction, so it gets none: its key is claimed, committed, in a batch with other requests'
 * claims, and its response and audit entry are stored after the effect in another batch ({@link
 * ClaimBatches}). A request that ends without a response to store gives its claim up.
 */
@Component
class IdempotencyInterceptor implements HandlerInterceptor {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyInterceptor.class);
  private static final int MAXIMUM_KEY_LENGTH = 255;
  private static final String CLAIM = IdempotencyInterceptor.class.getName() + ".claim";

  /** Failures that mean the request never reached its effect: retrying must run it again. */
  private static final Set<FailureKind> NOT_STORED =
      EnumSet.of(
          FailureKind.NOT_AUTHENTICATED,
          FailureKind.TOKEN_EXPIRED,
          FailureKind.TOKEN_MALFORMED,
          FailureKind.SESSION_EXPIRED,
          FailureKind.NOT_PERMITTED,
          FailureKind.ADDRESS_NOT_ALLOWED,
          FailureKind.MALFORMED_REQUEST,
          FailureKind.UNSUPPORTED_MEDIA_TYPE,
          FailureKind.NOT_ACCEPTABLE,
          FailureKind.BODY_TOO_LARGE,
          FailureKind.RATE_LIMITED,
          FailureKind.INTERNAL_ERROR);

  private final DialectRegistry registry;
  private final IdempotencyKeys keys;
  private final ClaimBatches batches;
  private final PlatformTransactionManager transactions;
  private final FailureWriter failures;
  private final RequestAudit audit;

  IdempotencyInterceptor(
      DialectRegistry registry,
      IdempotencyKeys keys,
      ClaimBatches batches,
      PlatformTransactionManager transactions,
      FailureWriter failures,
      RequestAudit audit) {
    this.audit = audit;
    this.registry = registry;
    this.keys = keys;
    this.batches = batches;
    this.transactions = transactions;
    this.failures = failures;
  }

  /** A granted claim; its transaction is null when the claim was made in a batch. */
  private record ActiveClaim(
      String principal, String route, String key, TransactionStatus transaction) {}

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    String key = request.getHeader(IdempotencyFilter.HEADER);
    if (key == null
        || IdempotencyFilter.READS.contains(request.getMethod())
        || !(handler instanceof HandlerMethod method)
        || !(request instanceof IdempotencyFilter.BodyOnce body)) {
      return true;
    }
    AuditSubject subject = AuditSubject.of(request);
    if (subject.actor().equals("anonymous")) {
      // Logins and other public endpoints are not replayed: a stored token must never be
      // handed to someone who merely knows the key.
      return true;
    }
    validate(key, registry.surfaceFor(request.getRequestURI()));
    String route =
        request.getMethod()
            + " "
            + request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
    // The hash covers the actual path, not only the template: the same key on another account's
    // path is a different request.
    byte[] requestHash = hash(request.getRequestURI(), body.body());
    if (method.hasMethodAnnotation(LedgerTransfersOnly.class)) {
      Claim claim = batches.claim(subject.actor(), route, key, requestHash);
      return answer(claim, new ActiveClaim(subject.actor(), route, key, null), request, response);
    }
    TransactionStatus transaction = transactions.getTransaction(new DefaultTransactionDefinition());
    Claim claim;
    try {
      claim = keys.claim(subject.actor(), route, key, requestHash);
    } catch (RuntimeException failure) {
      transactions.rollback(transaction);
      throw failure;
    }
    if (!(claim instanceof Claim.Granted)) {
      transactions.rollback(transaction);
    }
    return answer(
        claim, new ActiveClaim(subject.actor(), route, key, transaction), request, response);
  }

  private static boolean answer(
      Claim claim, ActiveClaim active, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    switch (claim) {
      case Claim.Granted granted -> {
        request.setAttribute(CLAIM, active);
        return true;
      }
      case Claim.Replay replay -> {
        replay(replay.response(), response);
        return false;
      }
      case Claim.ReusedWithDifferentRequest reused -> {
        throw new RequestRefused(
            FailureKind.IDEMPOTENCY_KEY_REUSED,
            "This Idempotency-Key was used with a different request.");
      }
      case Claim.InProgress inProgress -> {
        throw new RequestRefused(
            FailureKind.IDEMPOTENCY_KEY_IN_USE,
            "A request with this Idempotency-Key is still being processed.");
      }
    }
  }

  @Override
  public void afterCompletion(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure)
      throws IOException {
    if (!(request.getAttribute(CLAIM) instanceof ActiveClaim claim)) {
      return;
    }
    request.removeAttribute(CLAIM);
    Object frameworkFailure = request.getAttribute(FailureWriter.FAILURE_ATTRIBUTE);
    ContentCachingResponseWrapper held =
        WebUtils.getNativeResponse(response, ContentCachingResponseWrapper.class);
    boolean store =
        failure == null
            && held != null
            && response.getStatus() < 500
            && !(frameworkFailure instanceof FailureKind kind && NOT_STORED.contains(kind));
    if (claim.transaction() == null) {
      completeInBatch(request, response, held, claim, store);
      return;
    }
    if (!store) {
      transactions.rollback(claim.transaction());
      return;
    }
    try {
      audit.recordCompletionInTransaction(request, response.getStatus());
      keys.complete(
          claim.principal(),
          claim.route(),
          claim.key(),
          new StoredResponse(
              response.getStatus(), response.getContentType(), held.getContentAsByteArray()));
      transactions.commit(claim.transaction());
    } catch (RuntimeException commitFailed) {
      log.error("Could not commit an idempotent request; it was rolled back", commitFailed);
      if (!claim.transaction().isCompleted()) {
        transactions.rollback(claim.transaction());
      }
      audit.forgetCompletion(request); // rolled back with the effect; audited again as a failure
      // The client has not seen the response yet: it must not learn of an effect that was undone.
      held.resetBuffer();
      failures.write(request, held, FailureClassifier.internalError());
    }
  }

  /**
   * Completes a claim made in a batch: its effect, the ledger's, has committed already, so the
   * response is stored (with the audit entry) after it, or the claim is given up so that a retry
   * runs the request again and the ledger answers it "exists".
   */
  private void completeInBatch(
      HttpServletRequest request,
      HttpServletResponse response,
      ContentCachingResponseWrapper held,
      ActiveClaim claim,
      boolean store)
      throws IOException {
    try {
      if (!store) {
        batches.release(claim.principal(), claim.route(), claim.key());
        return;
      }
      AuditEntry entry = audit.completionEntry(request, response.getStatus());
      batches.complete(
          new ClaimBatches.Completion(
              claim.principal(),
              claim.route(),
              claim.key(),
              new StoredResponse(
                  response.getStatus(), response.getContentType(), held.getContentAsByteArray()),
              entry));
      if (entry != null) {
        audit.markAudited(request);
      }
    } catch (RuntimeException failed) {
      log.error("Could not complete an idempotent ledger request", failed);
      if (store) {
        try {
          batches.release(claim.principal(), claim.route(), claim.key());
        } catch (RuntimeException releaseFailed) {
          // The claim stays until its lease ends; a retry waits that long, then takes it over.
          log.error("Could not give up the claim of a failed request", releaseFailed);
        }
        held.resetBuffer();
        failures.write(request, held, FailureClassifier.internalError());
      }
    }
  }

  private static void validate(String key, DialectSurface surface) {
    if (key.isBlank() || key.length() > MAXIMUM_KEY_LENGTH) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, "Idempotency-Key must be 1 to 255 characters.");
    }
    if (surface.idempotencyKeysAreUuids()) {
      try {
        UUID.fromString(key);
      } catch (IllegalArgumentException notAUuid) {
        throw new RequestRefused(
            FailureKind.MALFORMED_REQUEST,
            "Idempotency-Key must be a UUID, such as 123e4567-e89b-12d3-a456-426614174000.");
      }
    }
  }

  private static void replay(StoredResponse stored, HttpServletResponse response)
      throws IOException {
    response.setStatus(stored.status());
    if (stored.contentType() != null) {
      response.setContentType(stored.contentType());
    }
    response.setHeader("Idempotent-Replayed", "true");
    if (stored.body() != null) {
      response.getOutputStream().write(stored.body());
    }
  }

  private static byte[] hash(String path, byte[] body) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(path.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
      return digest.digest(body);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
