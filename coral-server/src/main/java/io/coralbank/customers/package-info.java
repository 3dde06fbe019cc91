/**
 * The bank's customers: corporates and individuals who own accounts and API clients.
 *
 * <p>It owns the {@code customers} table. It must not import a dialect.
 */
package io.coralbank.customers;
