package io.coralbank.fx;

import java.time.Instant;
import java.util.UUID;

/** A request the dealing desk prices by hand; {@code quoteId} once it has. */
public record FxReferral(
    UUID id,
    UUID customerId,
    String unitCurrency,
    String transferCurrency,
    long instructedAmount,
    boolean quoted,
    UUID quoteId,
    Instant createdAt) {}
