/**
 * Sandbox demo data: a demo corporate customer with fixed, documented credentials for every dialect
 * and funded accounts, so a new user can get a token and move money with the README's commands.
 * Present only in sandbox mode.
 *
 * <p>It owns no table (it uses the core modules' services) and must not import a dialect.
 */
package io.coralbank.sandbox;
