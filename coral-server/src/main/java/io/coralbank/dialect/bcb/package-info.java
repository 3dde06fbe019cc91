/**
 * The Bermuda Commercial Bank Open Banking API, served under {@code /bcb}: wire DTOs named as in
 * BCB's documentation, the {@code {"error", "message"}} error shape, and JSON or CSV by {@code
 * Accept}.
 *
 * <p>It must not hold banking rules (they live in the core and the kernel) and must not import
 * another dialect.
 */
package io.coralbank.dialect.bcb;
