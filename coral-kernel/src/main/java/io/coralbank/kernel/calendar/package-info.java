/**
 * Bermuda's banking calendar: which days are business days, and the value date a payment gets from
 * its rail's cut-off time and settlement period.
 *
 * <p>Pure functions of dates and times; the caller supplies "now" from the one clock. Nothing here
 * reads a clock, a database or a configuration file.
 */
package io.coralbank.kernel.calendar;
