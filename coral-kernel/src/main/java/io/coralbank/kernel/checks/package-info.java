/**
 * Check-digit schemes shared by the bank's identifiers and the cards it accepts. Pure functions of
 * strings of digits.
 */
package io.coralbank.kernel.checks;
