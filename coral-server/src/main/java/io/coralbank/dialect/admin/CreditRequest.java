package io.coralbank.dialect.admin;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /admin/v1/accounts/{accountNumber}/credits}.
 *
 * @param amount a decimal string or number with at most the currency's decimals
 * @param reference free text shown on the transaction
 */
public record CreditRequest(JsonNode amount, String reference) {}
