/**
 * Process-level concerns that every module relies on: the operating mode (sandbox or production),
 * the typed configuration, the start-up checks and report.
 *
 * <p>It must not contain banking rules and must not import a dialect.
 */
package io.coralbank.platform;
