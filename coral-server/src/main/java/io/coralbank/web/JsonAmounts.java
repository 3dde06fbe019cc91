package io.coralbank.web;

import tools.jackson.databind.JsonNode;

/**
 * The literal text of an amount that a client sent as a JSON string or a JSON number, for the
 * kernel's strict parser. Numbers are read as {@link java.math.BigDecimal} (the server enables
 * {@code use-big-decimal-for-floats}), so {@code 250.50} keeps its two decimals and {@code 1e3}
 * keeps its exponent, which the parser then refuses.
 */
public final class JsonAmounts {

  private JsonAmounts() {}

  /** The amount's text, or null when the node is absent, null, or neither string nor number. */
  public static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isString()) {
      return node.asString();
    }
    if (node.isNumber()) {
      return node.decimalValue().toString();
    }
    return null;
  }
}
