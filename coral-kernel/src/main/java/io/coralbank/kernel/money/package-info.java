/**
 * Exact money: assets with their scale, amounts as {@code long} counts of minor units, and the one
 * parser and renderer of decimal amounts that every dialect uses.
 *
 * <p>It must never use floating point, never round silently, and never wrap on overflow.
 */
package io.coralbank.kernel.money;
