/**
 * The VaultsPay BaaS issuing API ("SaaS" generation), served under {@code /vaultspay}: camelCase
 * wire DTOs, successes wrapped in {@code {"data": ...}}, errors as {@code {"code", "message",
 * "type", "errors"}} with VaultsPay's numeric codes.
 *
 * <p>It must not hold banking rules and must not import another dialect.
 */
package io.coralbank.dialect.vaultspay;
