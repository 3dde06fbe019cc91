package io.coralbank.kernel.ledger;

import io.coralbank.kernel.ledger.HoldState.HoldStatus;
import io.coralbank.kernel.ledger.TransferOutcome.AlreadyApplied;
import io.coralbank.kernel.ledger.TransferOutcome.Applied;
import io.coralbank.kernel.ledger.TransferOutcome.Rejected;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Applies transfer commands, in order, to a working set of account states, holds and known transfer
 * ids, and records what changed. The engine builds one per database transaction from the rows it
 * has locked; tests build one from a scenario.
 *
 * <p>Each command is checked completely before it changes anything, so a refused command leaves no
 * trace. A linked chain is applied tentatively and undone as a whole if any member is refused.
 */
public final class TransferBatch {

  private final Map<Long, AccountState> accounts = new HashMap<>();
  private final Map<Long, AccountState> originalAccounts = new HashMap<>();
  private final Map<String, RecordedTransfer> transfers = new HashMap<>();
  private final Map<String, HoldState> holds = new HashMap<>();
  private final Map<String, HoldState> originalHolds = new HashMap<>();
  private final List<AppliedTransfer> applied = new ArrayList<>();
  private final Instant now;
  private int nextTransactionGroup;

  public TransferBatch(
      Collection<AccountState> accounts,
      Collection<RecordedTransfer> knownTransfers,
      Collection<HoldState> holds,
      Instant now) {
    accounts.forEach(account -> this.accounts.put(account.id(), account));
    this.originalAccounts.putAll(this.accounts);
    knownTransfers.forEach(transfer -> this.transfers.put(transfer.transferId(), transfer));
    holds.forEach(hold -> this.holds.put(hold.transferId(), hold));
    this.originalHolds.putAll(this.holds);
    this.now = Objects.requireNonNull(now);
  }

  /**
   * Applies one caller's submission and returns one outcome per command, in order. Linked chains
   * must close within the submission.
   */
  public List<TransferOutcome> apply(List<TransferCommand> submission) {
    List<TransferOutcome> outcomes = new ArrayList<>(submission.size());
    int start = 0;
    while (start < submission.size()) {
      int end = start;
      while (end < submission.size() - 1 && submission.get(end).linked()) {
        end++;
      }
      List<TransferCommand> chain = submission.subList(start, end + 1);
      if (chain.getLast().linked()) {
        outcomes.addAll(openChain(chain.size()));
      } else {
        outcomes.addAll(applyChain(chain));
      }
      start = end + 1;
    }
    return outcomes;
  }

  private static List<TransferOutcome> openChain(int size) {
    List<TransferOutcome> outcomes = new ArrayList<>(size);
    for (int index = 0; index < size - 1; index++) {
      outcomes.add(new Rejected(Rejection.LINKED_TRANSFER_FAILED));
    }
    outcomes.add(new Rejected(Rejection.LINKED_CHAIN_MUST_BE_CLOSED));
    return outcomes;
  }

  /**
   * A chain (or a single unlinked command) succeeds when every member is applied, or when every
   * member was already applied (a retry). Otherwise nothing of it stays: the refused member keeps
   * its rejection, members already applied earlier keep saying so, and the others are {@link
   * Rejection#LINKED_TRANSFER_FAILED}.
   */
  private List<TransferOutcome> applyChain(List<TransferCommand> chain) {
    int violation = FlowRules.parentRuleViolation(chain, accounts::get);
    if (violation >= 0) {
      List<TransferOutcome> refused = new ArrayList<>(chain.size());
      for (int index = 0; index < chain.size(); index++) {
        refused.add(
            new Rejected(
                index == violation
                    ? Rejection.PARENT_MUST_NET_TO_ZERO
                    : Rejection.LINKED_TRANSFER_FAILED));
      }
      return refused;
    }
    Undo undo = new Undo();
    int group = nextTransactionGroup;
    List<TransferOutcome> outcomes = new ArrayList<>(chain.size());
    int failedAt = -1;
    int alreadyApplied = 0;
    for (int index = 0; index < chain.size(); index++) {
      TransferOutcome outcome = applyOne(chain.get(index), group, undo);
      outcomes.add(outcome);
      if (outcome instanceof Rejected) {
        failedAt = index;
        break;
      }
      if (outcome instanceof AlreadyApplied) {
        alreadyApplied++;
      }
    }
    boolean mixed = alreadyApplied > 0 && alreadyApplied < chain.size();
    if (failedAt < 0 && !mixed) {
      if (alreadyApplied == 0) {
        nextTransactionGroup++;
      }
      return outcomes;
    }
    undo.revert();
    List<TransferOutcome> failed = new ArrayList<>(chain.size());
    for (int index = 0; index < chain.size(); index++) {
      TransferOutcome outcome = index < outcomes.size() ? outcomes.get(index) : null;
      if (index == failedAt || outcome instanceof AlreadyApplied) {
        failed.add(outcome);
      } else {
        failed.add(new Rejected(Rejection.LINKED_TRANSFER_FAILED));
      }
    }
    return failed;
  }

  private TransferOutcome applyOne(TransferCommand command, int group, Undo undo) {
    if (command.transferId() == null || command.transferId().isBlank()) {
      return new Rejected(Rejection.ID_MUST_BE_PRESENT);
    }
    return switch (command) {
      case TransferCommand.Posting posting ->
          move(
              command,
              posting.debitAccountId(),
              posting.creditAccountId(),
              posting.assetCode(),
              posting.amount(),
              null,
              group,
              undo);
      case TransferCommand.Hold hold ->
          move(
              command,
              hold.debitAccountId(),
              hold.creditAccountId(),
              hold.assetCode(),
              hold.amount(),
              hold.expiresAt(),
              group,
              undo);
      case TransferCommand.PostHold post ->
          resolve(command, post.holdTransferId(), post.amount(), group, undo);
      case TransferCommand.VoidHold voidHold ->
          resolve(command, voidHold.holdTransferId(), null, group, undo);
      case TransferCommand.ExpireHold expire ->
          resolve(command, expire.holdTransferId(), null, group, undo);
    };
  }

  /** A posting (expiresAt null) or a hold. */
  private TransferOutcome move(
      TransferCommand command,
      long debitId,
      long creditId,
      String assetCode,
      long amount,
      Instant expiresAt,
      int group,
      Undo undo) {
    if (amount <= 0) {
      return new Rejected(Rejection.AMOUNT_MUST_BE_POSITIVE);
    }
    if (debitId == creditId) {
      return new Rejected(Rejection.ACCOUNTS_MUST_DIFFER);
    }
    RecordedTransfer existing = transfers.get(command.transferId());
    if (existing != null) {
      return compareWithExisting(existing, command);
    }
    AccountState debit = accounts.get(debitId);
    if (debit == null) {
      return new Rejected(Rejection.DEBIT_ACCOUNT_MUST_EXIST);
    }
    AccountState credit = accounts.get(creditId);
    if (credit == null) {
      return new Rejected(Rejection.CREDIT_ACCOUNT_MUST_EXIST);
    }
    if (!Objects.equals(assetCode, debit.assetCode())
        || !Objects.equals(assetCode, credit.assetCode())) {
      return new Rejected(Rejection.CURRENCIES_MUST_MATCH);
    }
    if (!debit.active()) {
      return new Rejected(Rejection.DEBIT_ACCOUNT_MUST_BE_ACTIVE);
    }
    if (!credit.active()) {
      return new Rejected(Rejection.CREDIT_ACCOUNT_MUST_BE_ACTIVE);
    }
    Rejection flow = FlowRules.directFlowRule(debit.role(), credit.role());
    if (flow != null) {
      return new Rejected(flow);
    }
    boolean isHold = command instanceof TransferCommand.Hold;
    if (isHold && (expiresAt == null || !expiresAt.isAfter(now))) {
      return new Rejected(Rejection.EXPIRY_MUST_BE_IN_THE_FUTURE);
    }
    AccountState newDebit;
    AccountState newCredit;
    try {
      if (isHold) {
        newDebit =
            debit.withBalances(
                debit.posted(),
                Math.addExact(debit.pendingDebits(), amount),
                debit.pendingCredits());
        newCredit =
            credit.withBalances(
                credit.posted(),
                credit.pendingDebits(),
                Math.addExact(credit.pendingCredits(), amount));
      } else {
        newDebit =
            debit.withBalances(
                Math.subtractExact(debit.posted(), amount),
                debit.pendingDebits(),
                debit.pendingCredits());
        newCredit =
            credit.withBalances(
                Math.addExact(credit.posted(), amount),
                credit.pendingDebits(),
                credit.pendingCredits());
      }
      newDebit.available();
    } catch (ArithmeticException overflow) {
      return new Rejected(Rejection.BALANCE_WOULD_OVERFLOW);
    }
    if (!newDebit.withinFloor()) {
      return new Rejected(Rejection.INSUFFICIENT_FUNDS);
    }
    undo.saveAccount(debit);
    undo.saveAccount(credit);
    accounts.put(debitId, newDebit);
    accounts.put(creditId, newCredit);
    List<Posting> postings =
        isHold
            ? List.of()
            : List.of(
                new Posting(debitId, -amount, newDebit.posted()),
                new Posting(creditId, amount, newCredit.posted()));
    if (isHold) {
      undo.saveHold(command.transferId(), null);
      holds.put(
          command.transferId(),
          new HoldState(
              command.transferId(),
              debitId,
              creditId,
              assetCode,
              amount,
              expiresAt,
              HoldStatus.PENDING,
              0,
              null));
    }
    record(command, debitId, creditId, assetCode, amount, postings, group, undo);
    return new Applied(group);
  }

  /** Posting, voiding or expiring a hold: {@code postAmount} only for a post. */
  private TransferOutcome resolve(
      TransferCommand command, String holdId, Long postAmount, int group, Undo undo) {
    if (postAmount != null && postAmount <= 0) {
      return new Rejected(Rejection.AMOUNT_MUST_BE_POSITIVE);
    }
    RecordedTransfer existing = transfers.get(command.transferId());
    if (existing != null) {
      return compareWithExisting(existing, command);
    }
    HoldState hold = holdId == null ? null : holds.get(holdId);
    if (hold == null) {
      return new Rejected(Rejection.HOLD_MUST_EXIST);
    }
    AccountState debit = accounts.get(hold.debitAccountId());
    if (debit == null) {
      return new Rejected(Rejection.DEBIT_ACCOUNT_MUST_EXIST);
    }
    AccountState credit = accounts.get(hold.creditAccountId());
    if (credit == null) {
      return new Rejected(Rejection.CREDIT_ACCOUNT_MUST_EXIST);
    }
    boolean expiring = command instanceof TransferCommand.ExpireHold;
    switch (hold.status()) {
      case POSTED -> {
        return new Rejected(Rejection.HOLD_ALREADY_POSTED);
      }
      case VOIDED -> {
        return new Rejected(Rejection.HOLD_ALREADY_VOIDED);
      }
      case EXPIRED -> {
        return new Rejected(Rejection.HOLD_EXPIRED);
      }
      case PENDING -> {
        boolean pastExpiry = !now.isBefore(hold.expiresAt());
        if (!expiring && pastExpiry) {
          return new Rejected(Rejection.HOLD_EXPIRED);
        }
        if (expiring && !pastExpiry) {
          return new Rejected(Rejection.HOLD_NOT_YET_EXPIRED);
        }
      }
    }
    long posted =
        command instanceof TransferCommand.PostHold
            ? (postAmount == null ? hold.amount() : postAmount)
            : 0;
    if (posted > hold.amount()) {
      return new Rejected(Rejection.POST_AMOUNT_MUST_NOT_EXCEED_HOLD);
    }
    AccountState newDebit;
    AccountState newCredit;
    try {
      newDebit =
          debit.withBalances(
              Math.subtractExact(debit.posted(), posted),
              Math.subtractExact(debit.pendingDebits(), hold.amount()),
              debit.pendingCredits());
      newCredit =
          credit.withBalances(
              Math.addExact(credit.posted(), posted),
              credit.pendingDebits(),
              Math.subtractExact(credit.pendingCredits(), hold.amount()));
    } catch (ArithmeticException overflow) {
      return new Rejected(Rejection.BALANCE_WOULD_OVERFLOW);
    }
    HoldStatus newStatus =
        switch (command) {
          case TransferCommand.PostHold post -> HoldStatus.POSTED;
          case TransferCommand.ExpireHold expire -> HoldStatus.EXPIRED;
          default -> HoldStatus.VOIDED;
        };
    undo.saveAccount(debit);
    undo.saveAccount(credit);
    undo.saveHold(hold.transferId(), hold);
    accounts.put(debit.id(), newDebit);
    accounts.put(credit.id(), newCredit);
    holds.put(hold.transferId(), hold.resolve(newStatus, posted, command.transferId()));
    List<Posting> postings =
        posted == 0
            ? List.of()
            : List.of(
                new Posting(debit.id(), -posted, newDebit.posted()),
                new Posting(credit.id(), posted, newCredit.posted()));
    long amount = posted > 0 ? posted : hold.amount();
    record(command, debit.id(), credit.id(), hold.assetCode(), amount, postings, group, undo);
    return new Applied(group);
  }

  private void record(
      TransferCommand command,
      long debitId,
      long creditId,
      String assetCode,
      long amount,
      List<Posting> postings,
      int group,
      Undo undo) {
    undo.addedTransfer(command.transferId());
    transfers.put(command.transferId(), RecordedTransfer.of(command, null, group));
    applied.add(
        new AppliedTransfer(command, debitId, creditId, assetCode, amount, postings, group));
  }

  /** The first field that differs, in precedence order, or "already applied" when none does. */
  private static TransferOutcome compareWithExisting(
      RecordedTransfer existing, TransferCommand command) {
    RecordedTransfer requested = RecordedTransfer.of(command, null, -1);
    if (existing.type() != requested.type()) {
      return new Rejected(Rejection.EXISTS_WITH_DIFFERENT_TYPE);
    }
    if (existing.debitAccountId() != requested.debitAccountId()) {
      return new Rejected(Rejection.EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT);
    }
    if (existing.creditAccountId() != requested.creditAccountId()) {
      return new Rejected(Rejection.EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT);
    }
    if (!Objects.equals(existing.assetCode(), requested.assetCode())) {
      return new Rejected(Rejection.EXISTS_WITH_DIFFERENT_CURRENCY);
    }
    if (!Objects.equals(existing.amount(), requested.amount())) {
      return new Rejected(Rejection.EXISTS_WITH_DIFFERENT_AMOUNT);
    }
    if (!Objects.equals(existing.expiresAt(), requested.expiresAt())) {
      return new Rejected(Rejection.EXISTS_WITH_DIFFERENT_EXPIRY);
    }
    if (!Objects.equals(existing.holdTransferId(), requested.holdTransferId())) {
      return new Rejected(Rejection.EXISTS_WITH_DIFFERENT_HOLD);
    }
    return new AlreadyApplied(existing.transactionId(), existing.transactionGroup());
  }

  /** Transfers applied so far, in the order they were applied. */
  public List<AppliedTransfer> appliedTransfers() {
    return List.copyOf(applied);
  }

  /** Accounts whose state differs from what the batch started with. */
  public List<AccountState> changedAccounts() {
    List<AccountState> changed = new ArrayList<>();
    accounts.forEach(
        (id, state) -> {
          if (!state.equals(originalAccounts.get(id))) {
            changed.add(state);
          }
        });
    return changed;
  }

  /** Holds placed or resolved by the batch. */
  public List<HoldState> changedHolds() {
    List<HoldState> changed = new ArrayList<>();
    holds.forEach(
        (id, state) -> {
          if (!state.equals(originalHolds.get(id))) {
            changed.add(state);
          }
        });
    return changed;
  }

  /** The current state of an account in the batch. */
  public AccountState account(long id) {
    return accounts.get(id);
  }

  /** The current state of a hold in the batch. */
  public HoldState hold(String transferId) {
    return holds.get(transferId);
  }

  /** Number of transaction groups formed so far: groups are numbered from 0. */
  public int transactionGroups() {
    return nextTransactionGroup;
  }

  /** What a chain changed, so it can be undone if a later member is refused. */
  private final class Undo {
    private final Map<Long, AccountState> accountsBefore = new LinkedHashMap<>();
    private final Map<String, HoldState> holdsBefore = new LinkedHashMap<>();
    private final List<String> transfersAdded = new ArrayList<>();
    private final int appliedBefore = applied.size();

    void saveAccount(AccountState before) {
      accountsBefore.putIfAbsent(before.id(), before);
    }

    /** {@code before} is null when the hold did not exist. */
    void saveHold(String holdId, HoldState before) {
      if (!holdsBefore.containsKey(holdId)) {
        holdsBefore.put(holdId, before);
      }
    }

    void addedTransfer(String transferId) {
      transfersAdded.add(transferId);
    }

    void revert() {
      accounts.putAll(accountsBefore);
      holdsBefore.forEach(
          (id, before) -> {
            if (before == null) {
              holds.remove(id);
            } else {
              holds.put(id, before);
            }
          });
      transfersAdded.forEach(transfers::remove);
      while (applied.size() > appliedBefore) {
        applied.removeLast();
      }
    }
  }
}
