package io.coralbank.ledger;

import io.coralbank.kernel.ledger.AccountState;
import io.coralbank.kernel.ledger.HierarchyRole;
import io.coralbank.kernel.ledger.HoldState;
import io.coralbank.kernel.ledger.RecordedTransfer;
import io.coralbank.kernel.ledger.TransferType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reads of a ledger batch, inside its database transaction: the balance rows it locks, the
 * transfers already recorded under its ids, and the holds it resolves.
 */
final class BatchReads {

  private final JdbcClient jdbc;

  BatchReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a batch starts from: the states of its accounts and the transfers already recorded. */
  record Start(List<AccountState> accounts, List<RecordedTransfer> known) {}

  /**
   * In one round trip: the states of the accounts, customer accounts locked in id order (their
   * floor is checked against the balance read) and bank-side accounts read as they are; and the
   * transfers already recorded under the batch's transfer ids. The account states come from the
   * locking read itself, which sees the latest committed balance after any wait for a lock. The
   * transfers are read in the statement's snapshot, taken before any such wait: a transfer id
   * another batch commits in between makes our insert fail on the unique key, and the engine then
   * runs this batch again and sees it.
   */
  Start lockAccountsAndReadTransfers(Collection<Long> accountIds, Collection<String> transferIds) {
    long[] sorted = accountIds.stream().mapToLong(Long::longValue).sorted().toArray();
    Start start = new Start(new ArrayList<>(), new ArrayList<>());
    jdbc.sql(
            """
            with locked as (
                select account_id, asset_code, bank_side, overdraft_limit, active,
                       posted, pending_debits, pending_credits, role, hierarchy_id
                  from ledger_accounts
                 where account_id = any(:accountIds) and not bank_side
                 order by account_id
                   for no key update)
            select true as is_account, account_id, asset_code, bank_side, overdraft_limit, active,
                   posted, pending_debits, pending_credits, role, hierarchy_id,
                   null as transfer_id, null as type, null::bigint as debit_account_id,
                   null::bigint as credit_account_id, null::bigint as requested_amount,
                   null::timestamptz as expires_at, null as hold_transfer_id,
                   null as transaction_id
              from locked
            union all
            select true, account_id, asset_code, bank_side, overdraft_limit, active,
                   posted, pending_debits, pending_credits, role, hierarchy_id,
                   null, null, null, null, null, null, null, null
              from ledger_accounts
             where account_id = any(:accountIds) and bank_side
            union all
            select false, null, asset_code, null, null, null, null, null, null, null, null,
                   transfer_id, type, debit_account_id, credit_account_id, requested_amount,
                   expires_at, hold_transfer_id, transaction_id
              from ledger_transfers
             where transfer_id = any(:transferIds)
            """)
        .param("accountIds", sorted)
        .param("transferIds", transferIds.toArray(String[]::new))
        .query(
            row -> {
              if (row.getBoolean("is_account")) {
                start.accounts().add(accountState(row));
              } else {
                start.known().add(recordedTransfer(row));
              }
            });
    return start;
  }

  private static AccountState accountState(ResultSet row) throws SQLException {
    return new AccountState(
        row.getLong("account_id"),
        row.getString("asset_code"),
        row.getBoolean("bank_side"),
        row.getLong("overdraft_limit"),
        row.getBoolean("active"),
        row.getLong("posted"),
        row.getLong("pending_debits"),
        row.getLong("pending_credits"),
        HierarchyRole.valueOf(row.getString("role")),
        row.getLong("hierarchy_id"));
  }

  private static RecordedTransfer recordedTransfer(ResultSet row) throws SQLException {
    TransferType type = TransferType.valueOf(row.getString("type"));
    boolean namesAccounts = type == TransferType.POSTING || type == TransferType.HOLD;
    OffsetDateTime expiresAt = row.getObject("expires_at", OffsetDateTime.class);
    Long requested = row.getObject("requested_amount", Long.class);
    return new RecordedTransfer(
        row.getString("transfer_id"),
        type,
        namesAccounts ? row.getLong("debit_account_id") : 0,
        namesAccounts ? row.getLong("credit_account_id") : 0,
        namesAccounts ? row.getString("asset_code") : null,
        requested,
        expiresAt == null ? null : expiresAt.toInstant(),
        row.getString("hold_transfer_id"),
        row.getString("transaction_id"),
        -1);
  }

  List<HoldState> loadHolds(Collection<String> ids, boolean lock) {
    return jdbc.sql(
            """
            select transfer_id, debit_account_id, credit_account_id, asset_code, amount,
                   expires_at, status, posted_amount, resolved_by
              from ledger_holds
             where transfer_id = any(:ids)
             order by transfer_id
            """
                + (lock ? " for no key update" : ""))
        .param("ids", ids.toArray(String[]::new))
        .query(
            (row, number) ->
                new HoldState(
                    row.getString("transfer_id"),
                    row.getLong("debit_account_id"),
                    row.getLong("credit_account_id"),
                    row.getString("asset_code"),
                    row.getLong("amount"),
                    row.getObject("expires_at", OffsetDateTime.class).toInstant(),
                    HoldState.HoldStatus.valueOf(row.getString("status")),
                    row.getLong("posted_amount"),
                    row.getString("resolved_by")))
        .list();
  }
}
