package io.coralbank.dialect.bcb;

/**
 * {@code GET /v1/system/time}: Bermuda local time with its offset, and the name of the time in
 * effect ("Atlantic Daylight Time" or "Atlantic Standard Time").
 */
public record SystemTimeResponse(String timestamp, String timeZone) {}
