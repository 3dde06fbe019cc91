package io.coralbank.ledger;

import io.coralbank.kernel.ledger.AccountState;
import io.coralbank.kernel.ledger.AppliedTransfer;
import io.coralbank.kernel.ledger.HierarchyRole;
import io.coralbank.kernel.ledger.HoldState;
import io.coralbank.kernel.ledger.Posting;
import io.coralbank.kernel.ledger.RecordedTransfer;
import io.coralbank.kernel.ledger.TransferBatch;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.kernel.ledger.TransferOutcome;
import io.coralbank.kernel.ledger.TransferType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one batch of submissions in one database transaction. Reads lock each touched customer
 * balance row once, in account id order (so concurrent batches cannot deadlock on balances); writes
 * are one statement.
 *
 * <p>Bank-side accounts (clearing, FX liquidity, fees, suspense) have no floor, so their balance
 * never decides a transfer. They are read without a lock, and the batch's write adds its change to
 * their balances, locking them only from that statement to the commit. Two batches that both touch
 * a busy clearing account therefore run side by side instead of one after the other; a bank-side
 * posting's balance after is corrected by what committed on the account in between.
 */
final class BatchWriter {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TransactionNumbers numbers;
  // An account's side never changes, so what one batch read serves every later one.
  private final Set<Long> bankSideAccounts = ConcurrentHashMap.newKeySet();

  BatchWriter(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
    this.numbers = new TransactionNumbers(jdbc);
  }

  /** Whether a batch has read this account and found it bank-side; false for unseen accounts. */
  boolean isKnownBankSide(long accountId) {
    return bankSideAccounts.contains(accountId);
  }

  List<List<TransferResult>> write(List<List<TransferRequest>> submissions) {
    return transactions.execute(status -> apply(submissions));
  }

  private List<List<TransferResult>> apply(List<List<TransferRequest>> submissions) {
    Instant now = clock.instant();
    Set<Long> accountIds = new LinkedHashSet<>();
    Set<String> holdIds = new LinkedHashSet<>();
    Set<String> transferIds = new LinkedHashSet<>();
    for (List<TransferRequest> submission : submissions) {
      for (TransferRequest request : submission) {
        collect(request.command(), accountIds, holdIds, transferIds);
      }
    }
    if (!holdIds.isEmpty()) {
      // A hold's accounts never change, so they can be read before the locks are taken.
      for (HoldState hold : loadHolds(holdIds, false)) {
        accountIds.add(hold.debitAccountId());
        accountIds.add(hold.creditAccountId());
      }
    }
    List<AccountState> accounts = new ArrayList<>();
    List<RecordedTransfer> known = new ArrayList<>();
    for (Record row : lockAccountsAndReadTransfers(accountIds, transferIds)) {
      switch (row) {
        case AccountState account -> accounts.add(account);
        case RecordedTransfer transfer -> known.add(transfer);
        default -> throw new IllegalStateException("Unexpected row " + row);
      }
    }
    Map<Long, AccountState> bankSideBefore = new HashMap<>();
    for (AccountState account : accounts) {
      if (account.bankSide()) {
        bankSideBefore.put(account.id(), account);
        bankSideAccounts.add(account.id());
      }
    }
    // Locked, so that no other batch resolves these holds until this one commits, even a hold
    // between two bank-side accounts, which no account lock covers.
    List<HoldState> holds = holdIds.isEmpty() ? List.of() : loadHolds(holdIds, true);

    TransferBatch batch = new TransferBatch(accounts, known, holds, now);
    List<List<TransferOutcome>> outcomes = new ArrayList<>(submissions.size());
    for (List<TransferRequest> submission : submissions) {
      outcomes.add(batch.apply(submission.stream().map(TransferRequest::command).toList()));
    }

    String[] transactionIds = numbers.next(batch.transactionGroups(), now);
    Map<String, TransferRequest> requestsById = new HashMap<>();
    submissions.forEach(
        submission ->
            submission.forEach(
                request -> requestsById.putIfAbsent(request.command().transferId(), request)));
    writeJournalAndBalances(
        batch.appliedTransfers(),
        batch.changedAccounts(),
        bankSideBefore,
        transactionIds,
        requestsById,
        now);
    writeHolds(batch.changedHolds(), now);
    return results(submissions, outcomes, transactionIds);
  }

  private static void collect(
      TransferCommand command, Set<Long> accountIds, Set<String> holdIds, Set<String> ids) {
    if (command.transferId() != null && !command.transferId().isBlank()) {
      ids.add(command.transferId());
    }
    switch (command) {
      case TransferCommand.Posting posting -> {
        accountIds.add(posting.debitAccountId());
        accountIds.add(posting.creditAccountId());
      }
      case TransferCommand.Hold hold -> {
        accountIds.add(hold.debitAccountId());
        accountIds.add(hold.creditAccountId());
      }
      case TransferCommand.PostHold post -> addIfPresent(holdIds, post.holdTransferId());
      case TransferCommand.VoidHold voidHold -> addIfPresent(holdIds, voidHold.holdTransferId());
      case TransferCommand.ExpireHold expire -> addIfPresent(holdIds, expire.holdTransferId());
    }
  }

  private static void addIfPresent(Set<String> ids, String id) {
    if (id != null && !id.isBlank()) {
      ids.add(id);
    }
  }

  /**
   * In one round trip: the states of the accounts, customer accounts locked in id order (their
   * floor is checked against the balance read) and bank-side accounts read as they are; and the
   * transfers already recorded under the batch's transfer ids. The account states come from the
   * locking read itself, which sees the latest committed balance after any wait for a lock. The
   * transfers are read in the statement's snapshot, taken before any such wait: a transfer id
   * another batch commits in between makes our insert fail on the unique key, and the engine then
   * runs this batch again and sees it.
   *
   * @return {@link AccountState} and {@link RecordedTransfer} rows
   */
  private List<Record> lockAccountsAndReadTransfers(
      Collection<Long> accountIds, Collection<String> transferIds) {
    long[] sorted = accountIds.stream().mapToLong(Long::longValue).sorted().toArray();
    return jdbc.sql(
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
            (row, number) ->
                row.getBoolean("is_account") ? accountState(row) : recordedTransfer(row))
        .list();
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

  private List<HoldState> loadHolds(Collection<String> ids, boolean lock) {
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

  /**
   * Writes the batch's transactions, transfers and postings and its accounts' new balances in one
   * statement: one round trip inside the locked stretch instead of four. Customer accounts get the
   * balances the kernel computed under their locks. Bank-side accounts get the batch's change added
   * to whatever their balances are when the statement locks them (in id order, so two batches
   * cannot deadlock on them), and their postings' balances after are shifted by the difference
   * between that and what the kernel started from.
   */
  private void writeJournalAndBalances(
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

  private void writeHolds(List<HoldState> holds, Instant now) {
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

  private static List<List<TransferResult>> results(
      List<List<TransferRequest>> submissions,
      List<List<TransferOutcome>> outcomes,
      String[] transactionIds) {
    List<List<TransferResult>> results = new ArrayList<>(submissions.size());
    for (int submission = 0; submission < submissions.size(); submission++) {
      List<TransferRequest> requests = submissions.get(submission);
      List<TransferResult> answers = new ArrayList<>(requests.size());
      for (int index = 0; index < requests.size(); index++) {
        String transferId = requests.get(index).command().transferId();
        answers.add(
            switch (outcomes.get(submission).get(index)) {
              case TransferOutcome.Applied applied ->
                  new TransferResult.Applied(
                      transferId, transactionIds[applied.transactionGroup()]);
              case TransferOutcome.AlreadyApplied exists ->
                  new TransferResult.AlreadyApplied(
                      transferId,
                      exists.transactionId() != null
                          ? exists.transactionId()
                          : transactionIds[exists.transactionGroup()]);
              case TransferOutcome.Rejected rejected ->
                  new TransferResult.Rejected(transferId, rejected.rejection());
            });
      }
      results.add(answers);
    }
    return results;
  }

  private static long[] toArray(List<Long> values) {
    long[] array = new long[values.size()];
    for (int index = 0; index < array.length; index++) {
      array[index] = values.get(index);
    }
    return array;
  }
}
