/**
 * The kernel: Coral's banking rules as pure Java, deterministic and exhaustively tested.
 *
 * <p>It owns money arithmetic, posting rules, hierarchy and flow rules, FX and limit arithmetic. It
 * must not depend on anything but the JDK: no Spring, no JDBC, no I/O, no clock of its own (time is
 * always passed in).
 */
package io.coralbank.kernel;
