package io.coralbank.ledger;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks every ledger invariant against the stored books. It runs in one repeatable-read
 * transaction, so it sees one consistent snapshot while transfers go on.
 */
@Service
public class LedgerCheck {

  private static final int MAXIMUM_VIOLATIONS_PER_INVARIANT = 100;

  private final JdbcClient jdbc;

  LedgerCheck(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional(
      readOnly = true,
      isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
  public LedgerCheckReport run() {
    List<LedgerCheckReport.Violation> violations = new ArrayList<>();
    violations.addAll(
        query(
            "transaction_balances_per_asset",
            """
            select null::bigint as account_id, p.transaction_id,
                   t.asset_code || ' legs sum to ' || sum(p.amount) as detail
              from ledger_postings p join ledger_transfers t on t.transfer_id = p.transfer_id
             group by p.transaction_id, t.asset_code
            having sum(p.amount) <> 0
            """));
    violations.addAll(
        query(
            "balance_equals_replay_of_postings",
            """
            select a.account_id, null as transaction_id,
                   'posted ' || a.posted || ' but postings sum to ' || coalesce(s.total, 0)
                   as detail
              from ledger_accounts a
              left join (select account_id, sum(amount) as total
                           from ledger_postings group by account_id) s
                on s.account_id = a.account_id
             where a.posted <> coalesce(s.total, 0)
            """));
    violations.addAll(
        query(
            "pending_equals_open_holds",
            """
            select a.account_id, null as transaction_id,
                   'pending ' || a.pending_debits || '/' || a.pending_credits
                   || ' but open holds ' || coalesce(d.total, 0) || '/' || coalesce(c.total, 0)
                   as detail
              from ledger_accounts a
              left join (select debit_account_id as account_id, sum(amount) as total
                           from ledger_holds where status = 'PENDING'
                          group by debit_account_id) d on d.account_id = a.account_id
              left join (select credit_account_id as account_id, sum(amount) as total
                           from ledger_holds where status = 'PENDING'
                          group by credit_account_id) c on c.account_id = a.account_id
             where a.pending_debits <> coalesce(d.total, 0)
                or a.pending_credits <> coalesce(c.total, 0)
            """));
    violations.addAll(
        query(
            "customer_account_within_floor",
            """
            select account_id, null as transaction_id,
                   'available ' || (posted - pending_debits) || ' below floor -'
                   || overdraft_limit as detail
              from ledger_accounts
             where not bank_side and posted - pending_debits < -overdraft_limit
            """));
    violations.addAll(
        query(
            "transfer_id_applied_once",
            """
            select null::bigint as account_id, min(transaction_id) as transaction_id,
                   'transfer ' || transfer_id || ' recorded ' || count(*) || ' times' as detail
              from ledger_transfers group by transfer_id having count(*) > 1
            """));
    violations.addAll(
        query(
            "transfer_belongs_to_a_transaction",
            """
            select null::bigint as account_id, t.transaction_id,
                   'transfer ' || t.transfer_id || ' names a missing transaction' as detail
              from ledger_transfers t
             where not exists (select 1 from ledger_transactions x where x.id = t.transaction_id)
            """));
    violations.addAll(
        query(
            "transfer_accounts_exist",
            """
            select null::bigint as account_id, t.transaction_id,
                   'transfer ' || t.transfer_id || ' names a missing account' as detail
              from ledger_transfers t
             where not exists (select 1 from ledger_accounts a
                                where a.account_id = t.debit_account_id)
                or not exists (select 1 from ledger_accounts a
                                where a.account_id = t.credit_account_id)
            """));
    violations.addAll(
        query(
            "hold_resolved_once",
            """
            select null::bigint as account_id, null as transaction_id,
                   'hold ' || hold_transfer_id || ' resolved ' || count(*) || ' times' as detail
              from ledger_transfers
             where type in ('POST_HOLD', 'VOID_HOLD', 'EXPIRE_HOLD')
             group by hold_transfer_id having count(*) > 1
            """));
    long accounts = jdbc.sql("select count(*) from ledger_accounts").query(Long.class).single();
    long transactions =
        jdbc.sql("select count(*) from ledger_transactions").query(Long.class).single();
    return new LedgerCheckReport(accounts, transactions, violations);
  }

  private List<LedgerCheckReport.Violation> query(String invariant, String sql) {
    return jdbc.sql(sql + " limit " + MAXIMUM_VIOLATIONS_PER_INVARIANT)
        .query(
            (row, number) ->
                new LedgerCheckReport.Violation(
                    invariant,
                    row.getObject("account_id", Long.class),
                    row.getString("transaction_id"),
                    row.getString("detail")))
        .list();
  }
}
