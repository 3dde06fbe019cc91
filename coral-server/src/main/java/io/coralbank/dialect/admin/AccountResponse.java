package io.coralbank.dialect.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An account as the admin contract shows it; {@code balance} only when reading one account.
 *
 * @param customerId null for the bank's own accounts
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountResponse(
    String accountNumber,
    String customerId,
    String currency,
    String kind,
    String status,
    String label,
    BalanceResponse balance) {

  /** Balances as decimal strings with the currency's scale. */
  public record BalanceResponse(
      String posted, String pendingDebits, String pendingCredits, String available) {}
}
