package io.coralbank.ledger;

import io.coralbank.kernel.ledger.HierarchyRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Registers accounts with the ledger and changes what the ledger's rules need to know of them.
 * Called by the accounts module inside its own transaction, so an account and its balance row
 * appear together or not at all.
 */
@Service
public class LedgerAccounts {

  private final JdbcClient jdbc;

  LedgerAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Opens the balance row of account {@code accountId}.
   *
   * @param bankSide true for the bank's own accounts, which have no floor
   * @param overdraftLimit minor units a customer account may go below zero
   */
  public void open(long accountId, String assetCode, boolean bankSide, long overdraftLimit) {
    jdbc.sql(
            """
            insert into ledger_accounts (account_id, asset_code, bank_side, overdraft_limit)
            values (:id, :asset, :bankSide, :overdraft)
            """)
        .param("id", accountId)
        .param("asset", assetCode)
        .param("bankSide", bankSide)
        .param("overdraft", overdraftLimit)
        .update();
  }

  /**
   * Places the account in a virtual-account hierarchy: {@code role} with the Parent's account id
   * (null while a Settlement's Parent does not exist yet).
   */
  public void joinHierarchy(long accountId, HierarchyRole role, Long parentAccountId) {
    jdbc.sql(
            "update ledger_accounts set role = :role, hierarchy_id = :parent where account_id ="
                + " :id")
        .param("role", role.name())
        .param("parent", parentAccountId)
        .param("id", accountId)
        .update();
  }

  /** Frozen and closed accounts neither pay nor get paid. */
  public void setActive(long accountId, boolean active) {
    jdbc.sql("update ledger_accounts set active = :active where account_id = :id")
        .param("active", active)
        .param("id", accountId)
        .update();
  }
}
