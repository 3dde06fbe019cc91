/**
 * Foreign exchange: operators' mid rates, quotes with the bank's spread for customers, and the
 * dealing desk's queue for requests above the automatic limit. The arithmetic is the kernel's.
 *
 * <p>It owns the {@code fx_*} tables and must not import a dialect.
 */
package io.coralbank.fx;
