package io.coralbank.fx;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A quote: the customer gives {@code instructedAmount} of {@code unitCurrency} and gets {@code
 * convertedAmount} of {@code transferCurrency} (minor units), at {@code rate}, until {@code
 * expiresAt}.
 */
public record FxQuote(
    UUID id,
    UUID customerId,
    String unitCurrency,
    String transferCurrency,
    long instructedAmount,
    long convertedAmount,
    BigDecimal rate,
    Instant expiresAt) {}
