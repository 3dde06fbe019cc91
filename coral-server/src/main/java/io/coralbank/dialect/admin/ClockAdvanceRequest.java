package io.coralbank.dialect.admin;

/**
 * {@code POST /admin/v1/clock/advance}.
 *
 * @param seconds how far to move the clock forward, a whole number of at least 1
 */
public record ClockAdvanceRequest(Long seconds) {}
