/**
 * Benchmarks that print figures; run with {@code ./coral bench}, never as part of the test suite.
 * Speed is measured here, not asserted in tests.
 */
package io.coralbank.bench;
