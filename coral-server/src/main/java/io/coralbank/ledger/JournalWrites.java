package io.coralbank.ledger;

import io.coralbank.kernel.ledger.AccountState;
import io.coralbank.kernel.ledger.AppliedTransfer;
import io.coralbank.kernel.ledger.HoldState;
import io.coralbank.kernel.ledger.Posting;
import io.coralbank.kernel.ledger.RecordedTransfer;
import io.coralbank.kernel.ledger.TransferCommand;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes of a ledger batch, inside its database transaction: the journal (transactions,
 * transfers, postings), the balances, and the holds, each as few multi-row statements as the
 * locking order allows.
 */
final class JournalWrites {

  private final JdbcClient jdbc;

  JournalWrites(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Writes the batch's transactions, transfers and postings and its accounts' new balances in one
   * statement: one round trip inside the locked stretch instead of four. Customer accounts get the
   * balances the kernel computed under their locks. Bank-side accounts get the batch's change added
   * to whatever their balances are when the statement locks them (in id order, so two batches
   * cannot deadlock on them), and their postings' balances after are shifted by the difference
   * between that and what the kernel started from.
   */
  void journalAndBalances(
      List<AppliedTransfer> applied,
      List<AccountState> changedAccounts,
      Map<Long, AccountState> bankSideBefore,
      String[] transactionIds,
      Map<String, TransferRequest> requests,
      Instant now) {
    if (applied.isEmpty()) {
      return;
    }
    int size = applied.size();
    String[] transferIds = new String[size];
    String[] transferTransactions = new String[size];
    String[] types = new String[size];
    long[] debits = new long[size];
    long[] credits = new long[size];
    String[] assets = new String[size];
    long[] amounts = new long[size];
    Long[] requestedAmounts = new Long[size];
    String[] holdIds = new String[size];
    String[] expiries = new String[size];
    String[] codes = new String[size];
    String[] descriptions = new String[size];
    PostingColumns customerPostings = new PostingColumns();
    PostingColumns bankSidePostings = new PostingColumns();
    for (int index = 0; index < size; index++) {
      AppliedTransfer transfer = applied.get(index);
      TransferCommand command = transfer.command();
      String transactionId = transactionIds[transfer.transactionGroup()];
      transferIds[index] = command.transferId();
      transferTransactions[index] = transactionId;
      types[index] = command.type().name();
      debits[index] = transfer.debitAccountId();
      credits[index] = transfer.creditAccountId();
      assets[index] = transfer.assetCode();
      amounts[index] = transfer.amount();
      RecordedTransfer recorded = RecordedTransfer.of(command, null, -1);
      requestedAmounts[index] = recorded.amount();
      holdIds[index] = recorded.holdTransferId();
      expiries[index] = recorded.expiresAt() == null ? null : recorded.expiresAt().toString();
      TransferRequest request = requests.get(command.transferId());
      codes[index] = request == null ? null : request.code();
      descriptions[index] = request == null ? null : request.description();
      for (Posting posting : transfer.postings()) {
        long counterparty =
            posting.accountId() == transfer.debitAccountId()
                ? transfer.creditAccountId()
                : transfer.debitAccountId();
        (bankSideBefore.containsKey(posting.accountId()) ? bankSidePostings : customerPostings)
            .add(transactionId, command.transferId(), posting, counterparty);
      }
    }
    BalanceColumns customerBalances = new BalanceColumns();
    BalanceColumns bankSideChanges = new BalanceColumns();
    List<Long> bankSidePostedAfterBatch = new ArrayList<>();
    for (AccountState account : changedAccounts) {
      AccountState before = bankSideBefore.get(account.id());
      if (before == null) {
        customerBalances.add(
            account.id(), account.posted(), account.pendingDebits(), account.pendingCredits());
      } else {
        bankSideChanges.add(
            account.id(),
            Math.subtractExact(account.posted(), before.posted()),
            Math.subtractExact(account.pendingDebits(), before.pendingDebits()),
            Math.subtractExact(account.pendingCredits(), before.pendingCredits()));
        bankSidePostedAfterBatch.add(account.posted());
      }
    }
    String[] reverses = new String[transactionIds.length];
    for (AppliedTransfer transfer : applied) {
      TransferRequest request = requests.get(transfer.command().transferId());
      if (request != null && request.reverses() != null) {
        reverses[transfer.transactionGroup()] = request.reverses();
      }
    }
    // Every data-modifying part of the statement runs, in one snapshot; none reads another's
    // rows, so their order does not matter. Transfers and postings keep the batch's order, which
    // is the order the engine applied them in.
    jdbc.sql(
            """
            with new_transactions as (
                insert into ledger_transactions (id, created_at, reverses)
                select id, :now, reverses
                  from unnest(:transactionIds, :reverses) as x(id, reverses)),
            new_transfers as (
                insert into ledger_transfers
                       (transfer_id, transaction_id, type, debit_account_id,
                        credit_account_id, asset_code, amount, requested_amount,
                        hold_transfer_id, expires_at, code, description, created_at)
                select transfer_id, transaction_id, type, debit_account_id,
                       credit_account_id, asset_code, amount, requested_amount,
                       hold_transfer_id, expires_at::timestamptz, code, description, :now
                  from unnest(:transferIds, :transferTransactions, :types, :debits,
                              :credits, :assets, :amounts, :requestedAmounts, :holdIds,
                              :expiries, :codes, :descriptions)
                       with ordinality
                       as t(transfer_id, transaction_id, type, debit_account_id,
                            credit_account_id, asset_code, amount, requested_amount,
                            hold_transfer_id, expires_at, code, description, position)
                 order by position),
            customer_postings as (
                insert into ledger_postings
                       (transaction_id, transfer_id, account_id, counterparty_account_id,
                        amount, balance_after, posted_at)
                select transaction_id, transfer_id, account_id, counterparty_account_id,
                       amount, balance_after, :now
                  from unnest(:postingTransactions, :postingTransfers, :postingAccounts,
                              :postingCounterparties, :postingAmounts, :postingBalances)
                       with ordinality
                       as p(transaction_id, transfer_id, account_id,
                            counterparty_account_id, amount, balance_after, position)
                 order by position)
            update ledger_accounts a
               set posted = v.posted,
                   pending_debits = v.pending_debits,
                   pending_credits = v.pending_credits,
                   version = a.version + 1
              from unnest(:accountIds, :posted, :pendingDebits, :pendingCredits)
                   as v(account_id, posted, pending_debits, pending_credits)
             where a.account_id = v.account_id
            """)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("transactionIds", transactionIds)
        .param("reverses", reverses)
        .param("transferIds", transferIds)
        .param("transferTransactions", transferTransactions)
        .param("types", types)
        .param("debits", debits)
        .param("credits", credits)
        .param("assets", assets)
        .param("amounts", amounts)
        .param("requestedAmounts", requestedAmounts)
        .param("holdIds", holdIds)
        .param("expiries", expiries)
        .param("codes", codes)
        .param("descriptions", descriptions)
        .param("postingTransactions", customerPostings.transactions())
        .param("postingTransfers", customerPostings.transfers())
        .param("postingAccounts", customerPostings.accounts())
        .param("postingCounterparties", customerPostings.counterparties())
        .param("postingAmounts", customerPostings.amounts())
        .param("postingBalances", customerPostings.balancesAfter())
        .param("accountIds", customerBalances.accounts())
        .param("posted", customerBalances.posted())
        .param("pendingDebits", customerBalances.pendingDebits())
        .param("pendingCredits", customerBalances.pendingCredits())
        .update();
    if (bankSideChanges.isEmpty()) {
      return;
    }
    // Last, and in a statement of its own, so that a bank-side row is locked only from here to
    // the commit: other batches on the account wait for that stretch, not for this whole batch.
    // A bank-side posting is dated no earlier than the account's last one, because a batch that
    // started earlier may reach the account's lock later.
    int bankSideUpdated =
        jdbc.sql(
                """
                with bank_side_locked as (
                    select account_id from ledger_accounts
                     where account_id = any(:bankSideIds)
                     order by account_id
                       for no key update),
                bank_side_balances as (
                    update ledger_accounts a
                       set posted = a.posted + v.posted_change,
                           pending_debits = a.pending_debits + v.pending_debits_change,
                           pending_credits = a.pending_credits + v.pending_credits_change,
                           last_posted_at = greatest(a.last_posted_at, :now),
                           version = a.version + 1
                      from unnest(:bankSideIds, :bankSidePostedChanges,
                                  :bankSidePendingDebitChanges, :bankSidePendingCreditChanges,
                                  :bankSidePostedAfterBatch)
                           as v(account_id, posted_change, pending_debits_change,
                                pending_credits_change, posted_after_batch)
                      join bank_side_locked l on l.account_id = v.account_id
                     where a.account_id = v.account_id and a.active
                 returning a.account_id, a.last_posted_at,
                           a.posted - v.posted_after_batch as correction),
                bank_side_postings as (
                    insert into ledger_postings
                           (transaction_id, transfer_id, account_id, counterparty_account_id,
                            amount, balance_after, posted_at)
                    select p.transaction_id, p.transfer_id, p.account_id,
                           p.counterparty_account_id, p.amount, p.balance_after + b.correction,
                           b.last_posted_at
                      from unnest(:bankSidePostingTransactions, :bankSidePostingTransfers,
                                  :bankSidePostingAccounts, :bankSidePostingCounterparties,
                                  :bankSidePostingAmounts, :bankSidePostingBalances)
                           with ordinality
                           as p(transaction_id, transfer_id, account_id,
                                counterparty_account_id, amount, balance_after, position)
                      join bank_side_balances b on b.account_id = p.account_id
                     order by p.position)
                select count(*) from bank_side_balances
                """)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .param("bankSideIds", bankSideChanges.accounts())
            .param("bankSidePostedChanges", bankSideChanges.posted())
            .param("bankSidePendingDebitChanges", bankSideChanges.pendingDebits())
            .param("bankSidePendingCreditChanges", bankSideChanges.pendingCredits())
            .param("bankSidePostedAfterBatch", toArray(bankSidePostedAfterBatch))
            .param("bankSidePostingTransactions", bankSidePostings.transactions())
            .param("bankSidePostingTransfers", bankSidePostings.transfers())
            .param("bankSidePostingAccounts", bankSidePostings.accounts())
            .param("bankSidePostingCounterparties", bankSidePostings.counterparties())
            .param("bankSidePostingAmounts", bankSidePostings.amounts())
            .param("bankSidePostingBalances", bankSidePostings.balancesAfter())
            .query(Integer.class)
            .single();
    if (bankSideUpdated != bankSidePostedAfterBatch.size()) {
      // A bank-side account was deactivated after this batch read it. Nothing is kept; the
      // engine runs the batch again, which now reads the account as inactive.
      throw new OptimisticLockingFailureException(
          "A bank-side account changed while the batch ran; rolling back");
    }
  }

  /** Postings as the columns of one multi-row insert. */
  private static final class PostingColumns {
    private final List<String> transactions = new ArrayList<>();
    private final List<String> transfers = new ArrayList<>();
    private final List<Long> accounts = new ArrayList<>();
    private final List<Long> counterparties = new ArrayList<>();
    private final List<Long> amounts = new ArrayList<>();
    private final List<Long> balancesAfter = new ArrayList<>();

    void add(String transactionId, String transferId, Posting posting, long counterparty) {
      transactions.add(transactionId);
      transfers.add(transferId);
      accounts.add(posting.accountId());
      counterparties.add(counterparty);
      amounts.add(posting.amount());
      balancesAfter.add(posting.postedBalanceAfter());
    }

    String[] transactions() {
      return transactions.toArray(String[]::new);
    }

    String[] transfers() {
      return transfers.toArray(String[]::new);
    }

    long[] accounts() {
      return toArray(accounts);
    }

    long[] counterparties() {
      return toArray(counterparties);
    }

    long[] amounts() {
      return toArray(amounts);
    }

    long[] balancesAfter() {
      return toArray(balancesAfter);
    }
  }

  /** Balances (or changes of balances) of accounts as the columns of one multi-row update. */
  private static final class BalanceColumns {
    private final List<Long> accounts = new ArrayList<>();
    private final List<Long> posted = new ArrayList<>();
    private final List<Long> pendingDebits = new ArrayList<>();
    private final List<Long> pendingCredits = new ArrayList<>();

    void add(long accountId, long postedValue, long pendingDebitsValue, long pendingCreditsValue) {
      accounts.add(accountId);
      posted.add(postedValue);
      pendingDebits.add(pendingDebitsValue);
      pendingCredits.add(pendingCreditsValue);
    }

    boolean isEmpty() {
      return accounts.isEmpty();
    }

    long[] accounts() {
      return toArray(accounts);
    }

    long[] posted() {
      return toArray(posted);
    }

    long[] pendingDebits() {
      return toArray(pendingDebits);
    }

    long[] pendingCredits() {
      return toArray(pendingCredits);
    }
  }

  void holds(List<HoldState> holds, Instant now) {
    if (holds.isEmpty()) {
      return;
    }
    int size = holds.size();
    String[] ids = new String[size];
    long[] debits = new long[size];
    long[] credits = new long[size];
    String[] assets = new String[size];
    long[] amounts = new long[size];
    String[] expiries = new String[size];
    String[] statuses = new String[size];
    long[] posted = new long[size];
    String[] resolvedBy = new String[size];
    for (int index = 0; index < size; index++) {
      HoldState hold = holds.get(index);
      ids[index] = hold.transferId();
      debits[index] = hold.debitAccountId();
      credits[index] = hold.creditAccountId();
      assets[index] = hold.assetCode();
      amounts[index] = hold.amount();
      expiries[index] = hold.expiresAt().toString();
      statuses[index] = hold.status().name();
      posted[index] = hold.postedAmount();
      resolvedBy[index] = hold.resolvedBy();
    }
    int written =
        jdbc.sql(
                """
                insert into ledger_holds
                       (transfer_id, debit_account_id, credit_account_id, asset_code, amount,
                        expires_at, status, posted_amount, resolved_by, resolved_at)
                select transfer_id, debit_account_id, credit_account_id, asset_code, amount,
                       expires_at::timestamptz, status, posted_amount, resolved_by,
                       case when resolved_by is null then null else :now end
                  from unnest(:ids, :debits, :credits, :assets, :amounts, :expiries, :statuses,
                              :posted, :resolvedBy)
                       as h(transfer_id, debit_account_id, credit_account_id, asset_code, amount,
                            expires_at, status, posted_amount, resolved_by)
                    on conflict (transfer_id) do update
                   set status = excluded.status,
                       posted_amount = excluded.posted_amount,
                       resolved_by = excluded.resolved_by,
                       resolved_at = excluded.resolved_at
                 where ledger_holds.status = 'PENDING'
                """)
            .param("ids", ids)
            .param("debits", debits)
            .param("credits", credits)
            .param("assets", assets)
            .param("amounts", amounts)
            .param("expiries", expiries)
            .param("statuses", statuses)
            .param("posted", posted)
            .param("resolvedBy", resolvedBy)
            .param("now", now.atOffset(ZoneOffset.UTC))
            .update();
    if (written != size) {
      throw new IllegalStateException(
          "Expected to write " + size + " holds but wrote " + written + "; rolling back");
    }
  }

  private static long[] toArray(List<Long> values) {
    long[] array = new long[values.size()];
    for (int index = 0; index < array.length; index++) {
      array[index] = values.get(index);
    }
    return array;
  }
}
