package io.coralbank.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;

/**
 * Who a request acts for, as the dialect's authentication established it, for the audit log.
 *
 * @param actor {@code operator}, {@code client:<id>}, or for a failed login the id it claimed
 * @param customerId the customer concerned, or null
 */
public record AuditSubject(String actor, UUID customerId) {

  private static final String ATTRIBUTE = AuditSubject.class.getName();

  public static void set(HttpServletRequest request, AuditSubject subject) {
    request.setAttribute(ATTRIBUTE, subject);
  }

  static AuditSubject of(HttpServletRequest request) {
    Object subject = request.getAttribute(ATTRIBUTE);
    return subject instanceof AuditSubject known ? known : new AuditSubject("anonymous", null);
  }
}
