package io.coralbank.dialect.admin;

import io.coralbank.platform.CoralProperties;
import io.coralbank.web.AuditSubject;
import io.coralbank.web.DialectRegistry;
import io.coralbank.web.FailureKind;
import io.coralbank.web.FailureWriter;
import io.coralbank.web.MountedDialect;
import io.coralbank.web.RequestFailure;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a request to the admin API only with {@code Authorization: Bearer <admin token>}.
 *
 * <p>Only a SHA-256 digest of the token is kept, and digests are compared in constant time, so
 * neither a heap dump nor response timing reveals the token. The OpenAPI document is public.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class AdminAuthenticationFilter extends OncePerRequestFilter {

  private static final String BEARER = "Bearer ";

  private final DialectRegistry registry;
  private final FailureWriter failures;
  private final byte[] tokenDigest;

  AdminAuthenticationFilter(
      DialectRegistry registry, FailureWriter failures, CoralProperties properties) {
    this.registry = registry;
    this.failures = failures;
    this.tokenDigest = sha256(properties.effectiveAdminToken());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    MountedDialect admin = registry.mounted("admin");
    String path = request.getRequestURI();
    return !admin.contains(path) || path.equals(admin.openApiDocumentPath());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      reject(request, response, "The admin API needs Authorization: Bearer <admin token>.");
      return;
    }
    byte[] presented = sha256(header.substring(BEARER.length()).trim());
    if (!MessageDigest.isEqual(presented, tokenDigest)) {
      reject(request, response, "The admin token is not valid.");
      return;
    }
    AuditSubject.set(request, new AuditSubject("operator", null));
    chain.doFilter(request, response);
  }

  private void reject(HttpServletRequest request, HttpServletResponse response, String detail)
      throws IOException {
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    failures.write(request, response, RequestFailure.of(FailureKind.NOT_AUTHENTICATED, detail));
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("Every JDK provides SHA-256", impossible);
    }
  }
}
