package io.coralbank.dialect.cayman;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/payments/intents}: {@code amount}, {@code currency}, {@code description}, {@code
 * metadata}.
 */
public record PaymentIntentRequest(
    JsonNode amount, String currency, String description, JsonNode metadata) {}
