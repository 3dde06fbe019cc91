package io.coralbank.ledger;

import java.util.List;

/**
 * The result of checking every ledger invariant.
 *
 * @param accounts accounts checked
 * @param transactions transactions checked
 * @param violations empty when the books are sound
 */
public record LedgerCheckReport(long accounts, long transactions, List<Violation> violations) {

  public boolean ok() {
    return violations.isEmpty();
  }

  /**
   * One broken invariant.
   *
   * @param invariant which: {@code transaction_balances_per_asset}, {@code
   *     balance_equals_replay_of_postings}, {@code pending_equals_open_holds}, {@code
   *     customer_account_within_floor}, {@code transfer_id_applied_once}, {@code
   *     transfer_belongs_to_a_transaction}, {@code transfer_accounts_exist}, {@code
   *     hold_resolved_once}
   * @param accountId the account concerned, or null
   * @param transactionId the transaction concerned, or null
   * @param detail what was found
   */
  public record Violation(String invariant, Long accountId, String transactionId, String detail) {}
}
