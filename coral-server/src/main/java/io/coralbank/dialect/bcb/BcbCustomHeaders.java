package io.coralbank.dialect.bcb;

import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code customHeaders} a client asks BCB to send with its job callbacks and notifications,
 * checked once when they are given, for both. A header that passes here can be sent: before, a
 * value outside ASCII or a name the HTTP client reserves was accepted and then made every attempt
 * to deliver to that address fail, again and again, without the client ever being told.
 */
final class BcbCustomHeaders {

  /** BCB's documented limits. */
  private static final int MOST_HEADERS = 10;

  private static final int LONGEST_NAME = 50;
  private static final int LONGEST_VALUE = 500;

  /** Set by the bank on every delivery, or by the HTTP connection itself. */
  private static final Set<String> SET_BY_THE_BANK =
      Set.of(
          "content-type",
          "user-agent",
          "content-length",
          "host",
          "connection",
          "expect",
          "upgrade");

  private BcbCustomHeaders() {}

  /** The headers as given, or a refusal naming the rule broken; none (null) is no headers. */
  static Map<String, String> checked(Map<String, String> headers) {
    if (headers == null) {
      return Map.of();
    }
    if (headers.size() > MOST_HEADERS) {
      throw malformed("customHeaders: at most " + MOST_HEADERS + " headers.");
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey();
      if (!name.matches("[A-Za-z0-9-]{1," + LONGEST_NAME + "}")) {
        throw malformed(
            "customHeaders: names are 1 to " + LONGEST_NAME + " letters, digits or dashes.");
      }
      String lowerCase = name.toLowerCase(Locale.ROOT);
      if (lowerCase.startsWith("bcb-") || SET_BY_THE_BANK.contains(lowerCase)) {
        throw malformed("customHeaders: " + name + " is set by the bank.");
      }
      if (!sendable(header.getValue())) {
        throw malformed(
            "customHeaders: the value of "
                + name
                + " must be at most "
                + LONGEST_VALUE
                + " printable ASCII characters.");
      }
    }
    return headers;
  }

  /** Printable ASCII, spaces and tabs: what every HTTP hop passes on unchanged. */
  private static boolean sendable(String value) {
    if (value == null || value.length() > LONGEST_VALUE) {
      return false;
    }
    return value
        .chars()
        .allMatch(character -> character == '\t' || (character >= 0x20 && character < 0x7f));
  }

  private static RequestRefused malformed(String message) {
    return new RequestRefused(FailureKind.MALFORMED_REQUEST, message);
  }
}
