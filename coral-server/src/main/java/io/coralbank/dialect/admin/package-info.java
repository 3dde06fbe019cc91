/**
 * Coral's operator API, served under {@code /admin}: the contract in {@code docs/admin-api.md}
 * (JSON, camelCase, RFC 9457 problem details with a {@code code} member), authenticated by the
 * operator's bearer token.
 *
 * <p>It must not hold banking rules, must not import another dialect, and must never accept a
 * dialect's credentials.
 */
package io.coralbank.dialect.admin;
