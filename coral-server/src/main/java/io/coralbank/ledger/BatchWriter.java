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
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one batch of submissions in one database transaction. Reads lock each touched balance row
 * once, in account id order (so concurrent batches cannot deadlock on balances); writes are one
 * multi-row statement per table.
 */
final class BatchWriter {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TransactionNumbers numbers;

  BatchWriter(DataSource dataSource, Clock clock) {
    this.jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
    this.numbers = new TransactionNumbers(jdbc);
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
      for (HoldState hold : loadHolds(holdIds)) {
        accountIds.add(hold.debitAccountId());
        accountIds.add(hold.creditAccountId());
      }
    }
    // Read before the locks, to keep the locked stretch short. A transfer id another batch
    // commits in between makes our insert fail on the unique key; the engine then runs this
    // batch again and sees it.
    List<RecordedTransfer> known = transferIds.isEmpty() ? List.of() : loadTransfers(transferIds);
    List<AccountState> accounts = lockAccounts(accountIds);
    // Under the account locks, no other batch can resolve these holds any more.
    List<HoldState> holds = holdIds.isEmpty() ? List.of() : loadHolds(holdIds);

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
        batch.appliedTransfers(), batch.changedAccounts(), transactionIds, requestsById, now);
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

  private List<AccountState> lockAccounts(Collection<Long> ids) {
    long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
    return jdbc.sql(
            """
            select account_id, asset_code, bank_side, overdraft_limit, active,
                   posted, pending_debits, pending_credits, role, hierarchy_id
              from ledger_accounts
             where account_id = any(:ids)
             order by account_id
               for no key update
            """)
        .param("ids", sorted)
        .query(
            (row, number) ->
                new AccountState(
                    row.getLong("account_id"),
                    row.getString("asset_code"),
                    row.getBoolean("bank_side"),
                    row.getLong("overdraft_limit"),
                    row.getBoolean("active"),
                    row.getLong("posted"),
                    row.getLong("pending_debits"),
                    row.getLong("pending_credits"),
                    HierarchyRole.valueOf(row.getString("role")),
                    row.getLong("hierarchy_id")))
        .list();
  }

  private List<HoldState> loadHolds(Collection<String> ids) {
    return jdbc.sql(
            """
            select transfer_id, debit_account_id, credit_account_id, asset_code, amount,
                   expires_at, status, posted_amount, resolved_by
              from ledger_holds
             where transfer_id = any(:ids)
            """)
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

  private List<RecordedTransfer> loadTransfers(Collection<String> ids) {
    return jdbc.sql(
            """
            select transfer_id, type, debit_account_id, credit_account_id, asset_code,
                   requested_amount, expires_at, hold_transfer_id, transaction_id
              from ledger_transfers
             where transfer_id = any(:ids)
            """)
        .param("ids", ids.toArray(String[]::new))
        .query(
            (row, number) -> {
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
            })
        .list();
  }

  /**
   * Writes the batch's transactions, transfers and postings and its accounts' new balances in one
   * statement: one round trip inside the locked stretch instead of four.
   */
  private void writeJournalAndBalances(
      List<AppliedTransfer> applied,
      List<AccountState> changedAccounts,
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
    List<String> postingTransactions = new ArrayList<>();
    List<String> postingTransfers = new ArrayList<>();
    List<Long> postingAccounts = new ArrayList<>();
    List<Long> postingCounterparties = new ArrayList<>();
    List<Long> postingAmounts = new ArrayList<>();
    List<Long> postingBalances = new ArrayList<>();
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
        postingTransactions.add(transactionId);
        postingTransfers.add(command.transferId());
        postingAccounts.add(posting.accountId());
        postingCounterparties.add(
            posting.accountId() == transfer.debitAccountId()
                ? transfer.creditAccountId()
                : transfer.debitAccountId());
        postingAmounts.add(posting.amount());
        postingBalances.add(posting.postedBalanceAfter());
      }
    }
    int accounts = changedAccounts.size();
    long[] accountIds = new long[accounts];
    long[] posted = new long[accounts];
    long[] pendingDebits = new long[accounts];
    long[] pendingCredits = new long[accounts];
    for (int index = 0; index < accounts; index++) {
      AccountState account = changedAccounts.get(index);
      accountIds[index] = account.id();
      posted[index] = account.posted();
      pendingDebits[index] = account.pendingDebits();
      pendingCredits[index] = account.pendingCredits();
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
                select id, :now, reverses from unnest(:transactionIds, :reverses) as x(id, reverses)),
            new_transfers as (
                insert into ledger_transfers
                       (transfer_id, transaction_id, type, debit_account_id, credit_account_id,
                        asset_code, amount, requested_amount, hold_transfer_id, expires_at, code,
                        description, created_at)
                select transfer_id, transaction_id, type, debit_account_id, credit_account_id,
                       asset_code, amount, requested_amount, hold_transfer_id,
                       expires_at::timestamptz, code, description, :now
                  from unnest(:transferIds, :transferTransactions, :types, :debits, :credits,
                              :assets, :amounts, :requestedAmounts, :holdIds, :expiries, :codes,
                              :descriptions)
                       with ordinality
                       as t(transfer_id, transaction_id, type, debit_account_id,
                            credit_account_id, asset_code, amount, requested_amount,
                            hold_transfer_id, expires_at, code, description, position)
                 order by position),
            new_postings as (
                insert into ledger_postings
                       (transaction_id, transfer_id, account_id, counterparty_account_id, amount,
                        balance_after, posted_at)
                select transaction_id, transfer_id, account_id, counterparty_account_id, amount,
                       balance_after, :now
                  from unnest(:postingTransactions, :postingTransfers, :postingAccounts,
                              :postingCounterparties, :postingAmounts, :postingBalances)
                       with ordinality
                       as p(transaction_id, transfer_id, account_id, counterparty_account_id,
                            amount, balance_after, position)
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
        .param("postingTransactions", postingTransactions.toArray(String[]::new))
        .param("postingTransfers", postingTransfers.toArray(String[]::new))
        .param("postingAccounts", toArray(postingAccounts))
        .param("postingCounterparties", toArray(postingCounterparties))
        .param("postingAmounts", toArray(postingAmounts))
        .param("postingBalances", toArray(postingBalances))
        .param("accountIds", accountIds)
        .param("posted", posted)
        .param("pendingDebits", pendingDebits)
        .param("pendingCredits", pendingCredits)
        .update();
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
