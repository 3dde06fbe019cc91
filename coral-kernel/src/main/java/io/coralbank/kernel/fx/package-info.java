/**
 * Foreign-exchange arithmetic: rates as exact decimals, the spread, and conversion of minor units
 * from one asset to another, rounded in the bank's favour.
 *
 * <p>No floating point: rates are {@link java.math.BigDecimal}, amounts are minor units.
 */
package io.coralbank.kernel.fx;
