package io.coralbank.dialect.cayman;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A wallet as Cayman documents it. */
public record WalletView(
    String id,
    String currency,
    @JsonProperty("available_balance") String availableBalance,
    @JsonProperty("hold_balance") String holdBalance,
    @JsonProperty("updated_at") String updatedAt) {}
