/**
 * The Cayman wallets API (Stripe-like), served under {@code /cayman}: snake_case wire DTOs, {@code
 * req_} request ids and errors as {@code {"error": {"code", "message", "request_id"}}}.
 *
 * <p>It must not hold banking rules and must not import another dialect.
 */
package io.coralbank.dialect.cayman;
