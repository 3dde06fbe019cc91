package io.coralbank.ledger;

import io.coralbank.kernel.ledger.AccountState;
import io.coralbank.kernel.ledger.HoldState;
import io.coralbank.kernel.ledger.RecordedTransfer;
import io.coralbank.kernel.ledger.TransferBatch;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.kernel.ledger.TransferOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one batch of submissions in one database transaction. Its first read locks each touched
 * customer balance row once, in account id order (so concurrent batches cannot deadlock on
 * balances); the journal and customer balances are written in one statement, bank-side balances in
 * a last one.
 *
 * <p>Bank-side accounts (clearing, FX liquidity, fees, suspense) have no floor, so their balance
 * never decides a transfer. They are read without a lock, and the batch's write adds its change to
 * their balances, locking them only from that statement to the commit. Two batches that both touch
 * a busy clearing account therefore run side by side instead of one after the other; a bank-side
 * posting's balance after is corrected by what committed on the account in between.
 */
final class BatchWriter {

  private final TransactionTemplate transactions;
  private final Clock clock;
  private final TransactionNumbers numbers;
  private final BatchReads reads;
  private final JournalWrites writes;
  // An account's side never changes, so what one batch read serves every later one.
  private final Set<Long> bankSideAccounts = ConcurrentHashMap.newKeySet();

  BatchWriter(DataSource dataSource, Clock clock) {
    JdbcClient jdbc = JdbcClient.create(dataSource);
    this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    this.clock = clock;
    this.numbers = new TransactionNumbers(jdbc);
    this.reads = new BatchReads(jdbc);
    this.writes = new JournalWrites(jdbc);
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
      for (HoldState hold : reads.loadHolds(holdIds, false)) {
        accountIds.add(hold.debitAccountId());
        accountIds.add(hold.creditAccountId());
      }
    }
    BatchReads.Start start = reads.lockAccountsAndReadTransfers(accountIds, transferIds);
    List<AccountState> accounts = start.accounts();
    List<RecordedTransfer> known = start.known();
    Map<Long, AccountState> bankSideBefore = new HashMap<>();
    for (AccountState account : accounts) {
      if (account.bankSide()) {
        bankSideBefore.put(account.id(), account);
        bankSideAccounts.add(account.id());
      }
    }
    // Locked, so that no other batch resolves these holds until this one commits, even a hold
    // between two bank-side accounts, which no account lock covers.
    List<HoldState> holds = holdIds.isEmpty() ? List.of() : reads.loadHolds(holdIds, true);

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
    writes.journalAndBalances(
        batch.appliedTransfers(),
        batch.changedAccounts(),
        bankSideBefore,
        transactionIds,
        requestsById,
        now);
    writes.holds(batch.changedHolds(), now);
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
}
