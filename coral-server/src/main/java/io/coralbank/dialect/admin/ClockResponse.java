package io.coralbank.dialect.admin;

/**
 * The server's "now".
 *
 * @param now the current instant, ISO-8601 in UTC
 */
public record ClockResponse(String now) {}
