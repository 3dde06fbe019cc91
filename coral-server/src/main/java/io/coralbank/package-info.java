/**
 * Coral's server application. The root package holds only the entry point and the start-up report.
 *
 * <p>Layout: {@code platform} (process-level concerns: mode, database, clock), {@code web} (the
 * dialect framework shared by every dialect), core capability packages such as {@code ledger} and
 * {@code identity}, and one package per dialect under {@code dialect}. Core packages never import a
 * dialect; dialects never import each other. {@code ArchitectureTest} enforces both.
 */
package io.coralbank;
