/**
 * Who may do what: API clients of customers (one dialect each) with their permissions, IP
 * allow-lists and secrets; the permission catalogue of each dialect; token signing keys and access
 * tokens.
 *
 * <p>It owns the {@code api_clients} and {@code signing_keys} tables, and keeps the clients that
 * authenticate requests in memory only for as long as the database's change announcements reach it
 * ({@link io.coralbank.identity.ClientCache}). It stores secrets only as Argon2id hashes (or
 * encrypted where Coral itself must use them), never logs a secret, and must not import a dialect.
 * Every lookup of a client that a dialect can reach takes the caller's customer, so another
 * customer's client is simply not found.
 */
package io.coralbank.identity;
