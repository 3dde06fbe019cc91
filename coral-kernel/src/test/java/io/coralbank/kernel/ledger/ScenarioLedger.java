package io.coralbank.kernel.ledger;

import io.coralbank.kernel.ledger.TransferOutcome.AlreadyApplied;
import io.coralbank.kernel.ledger.TransferOutcome.Applied;
import io.coralbank.kernel.ledger.TransferOutcome.Rejected;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ledger written as text, so a scenario fits on one screen. It keeps state between steps the way
 * the engine does between database transactions: each step is a new {@link TransferBatch} built
 * from what the previous steps stored.
 *
 * <p>Accounts: {@code "A USD 100.00; B USD; X USD bank; F USD frozen 10.00; O USD overdraft 50.00"}
 * (name, currency, flags, opening posted balance). A virtual-account hierarchy: {@code "P USD
 * parent; S USD settlement:P 100.00; U USD sub:P"} (the Parent first, then its Settlement and
 * Subs).
 *
 * <p>Commands: {@code post t1 A>B 10.00}, {@code hold h1 A>B 5.00 60s}, {@code posthold p1 h1
 * [3.00]}, {@code void v1 h1}, {@code expire e1 h1}; a trailing {@code &} links a command to the
 * next; {@code @+61s} moves time forward and starts a new batch; {@code |} starts a new batch.
 *
 * <p>Balances: {@code "A 90.00 -5.00 +0.00"} is posted, pending debits, pending credits.
 */
final class ScenarioLedger {

  static final Instant START = Instant.parse("2025-06-01T12:00:00Z");
  private static final AssetCatalogue assets = AssetCatalogue.standard();

  private final Map<String, Long> ids = new LinkedHashMap<>();
  private final Map<Long, AccountState> accounts = new LinkedHashMap<>();
  private final Map<String, RecordedTransfer> transfers = new LinkedHashMap<>();
  private final Map<String, HoldState> holds = new LinkedHashMap<>();
  private final Map<String, String> outcomes = new LinkedHashMap<>();
  private final List<AppliedTransfer> journal = new ArrayList<>();
  private final Map<String, String> holdCurrencies = new LinkedHashMap<>();
  private Instant now = START;
  private String lastOutcome;
  private int transactions;

  ScenarioLedger(String accountsText) {
    long nextId = 1;
    for (String spec : accountsText.split(";")) {
      String[] words = spec.trim().split("\\s+");
      String name = words[0];
      String currency = words[1];
      boolean bankSide = false;
      boolean active = true;
      long overdraft = 0;
      long posted = 0;
      HierarchyRole role = HierarchyRole.NONE;
      long hierarchy = 0;
      for (int index = 2; index < words.length; index++) {
        String word = words[index];
        if (word.equals("parent")) {
          role = HierarchyRole.PARENT;
          hierarchy = nextId;
        } else if (word.startsWith("settlement:") || word.startsWith("sub:")) {
          role = word.startsWith("sub:") ? HierarchyRole.SUB : HierarchyRole.SETTLEMENT;
          hierarchy = ids.get(word.substring(word.indexOf(':') + 1));
        } else {
          switch (word) {
            case "bank" -> bankSide = true;
            case "frozen" -> active = false;
            case "overdraft" -> overdraft = amount(words[++index], currency);
            default -> posted = amount(word, currency);
          }
        }
      }
      ids.put(name, nextId);
      accounts.put(
          nextId,
          new AccountState(
              nextId, currency, bankSide, overdraft, active, posted, 0, 0, role, hierarchy));
      nextId++;
    }
  }

  /** Runs the commands; returns the outcome of each transfer id, as rule codes or "applied". */
  ScenarioLedger run(String commandsText) {
    List<TransferCommand> batch = new ArrayList<>();
    for (String line : commandsText.split(";")) {
      String command = line.trim();
      if (command.isEmpty()) {
        continue;
      }
      if (command.equals("|")) {
        flush(batch);
        continue;
      }
      if (command.startsWith("@+")) {
        flush(batch);
        now = now.plus(Duration.parse("PT" + command.substring(2).toUpperCase()));
        continue;
      }
      batch.add(parse(command));
    }
    flush(batch);
    return this;
  }

  private void flush(List<TransferCommand> batch) {
    if (batch.isEmpty()) {
      return;
    }
    TransferBatch transferBatch =
        new TransferBatch(accounts.values(), transfers.values(), holds.values(), now);
    List<TransferOutcome> results = transferBatch.apply(batch);
    for (int index = 0; index < batch.size(); index++) {
      String id = batch.get(index).transferId();
      outcomes.put(id, describe(results.get(index)));
      lastOutcome = (id.isEmpty() ? "-" : id) + " " + describe(results.get(index));
    }
    transferBatch.changedAccounts().forEach(account -> accounts.put(account.id(), account));
    transferBatch.changedHolds().forEach(hold -> holds.put(hold.transferId(), hold));
    String[] groupIds = new String[transferBatch.transactionGroups()];
    for (int group = 0; group < groupIds.length; group++) {
      groupIds[group] = "TX" + (++transactions);
    }
    for (AppliedTransfer applied : transferBatch.appliedTransfers()) {
      transfers.put(
          applied.command().transferId(),
          RecordedTransfer.of(applied.command(), groupIds[applied.transactionGroup()], -1));
      journal.add(applied);
    }
    batch.clear();
  }

  private static String describe(TransferOutcome outcome) {
    return switch (outcome) {
      case Applied applied -> "applied";
      case AlreadyApplied exists -> "exists";
      case Rejected rejected -> rejected.rejection().code();
    };
  }

  private TransferCommand parse(String text) {
    boolean linked = text.endsWith("&");
    String[] words = (linked ? text.substring(0, text.length() - 1) : text).trim().split("\\s+");
    String id = words[1].equals("-") ? "" : words[1];
    return switch (words[0]) {
      case "post" -> {
        long[] route = route(words[2]);
        String currency = currencyOf(route[0], words);
        yield new TransferCommand.Posting(
            id, route[0], route[1], currency, amount(words[3], currency), linked);
      }
      case "hold" -> {
        long[] route = route(words[2]);
        String currency = currencyOf(route[0], words);
        holdCurrencies.put(id, currency);
        Instant expiresAt = now.plus(Duration.parse("PT" + words[4].toUpperCase()));
        yield new TransferCommand.Hold(
            id, route[0], route[1], currency, amount(words[3], currency), expiresAt, linked);
      }
      case "posthold" -> {
        Long amount =
            words.length > 3
                ? amount(words[3], holdCurrencies.getOrDefault(words[2], "USD"))
                : null;
        yield new TransferCommand.PostHold(id, words[2], amount, linked);
      }
      case "void" -> new TransferCommand.VoidHold(id, words[2], linked);
      case "expire" -> new TransferCommand.ExpireHold(id, words[2], linked);
      default -> throw new IllegalArgumentException("Unknown command " + words[0]);
    };
  }

  /**
   * The transfer's currency: the debit account's, unless the command names one ({@code in EUR}).
   */
  private String currencyOf(long debitId, String[] words) {
    for (int index = 0; index < words.length - 1; index++) {
      if (words[index].equals("in")) {
        return words[index + 1];
      }
    }
    AccountState debit = accounts.get(debitId);
    return debit == null ? "USD" : debit.assetCode();
  }

  private long[] route(String text) {
    String[] ends = text.split(">");
    return new long[] {id(ends[0]), id(ends[1])};
  }

  /** Unknown names get ids no account has, to provoke "must exist". */
  private long id(String name) {
    return ids.getOrDefault(name, 1000L + name.hashCode() % 1000);
  }

  private static long amount(String text, String currency) {
    Asset asset = assets.find(currency).orElseThrow();
    try {
      return text.startsWith("-") ? Amounts.parseSigned(text, asset) : Amounts.parse(text, asset);
    } catch (Exception invalid) {
      throw new IllegalArgumentException(text, invalid);
    }
  }

  String outcomes() {
    List<String> parts = new ArrayList<>();
    outcomes.forEach((id, outcome) -> parts.add((id.isEmpty() ? "-" : id) + " " + outcome));
    return String.join("; ", parts);
  }

  /** The outcome of the last command run, as "id outcome". */
  String lastOutcome() {
    return lastOutcome;
  }

  String balances() {
    List<String> parts = new ArrayList<>();
    ids.forEach(
        (name, id) -> {
          AccountState state = accounts.get(id);
          Asset asset = assets.find(state.assetCode()).orElseThrow();
          String text = name + " " + Amounts.format(state.posted(), asset);
          if (state.pendingDebits() != 0 || state.pendingCredits() != 0) {
            text +=
                " -"
                    + Amounts.format(state.pendingDebits(), asset)
                    + " +"
                    + Amounts.format(state.pendingCredits(), asset);
          }
          parts.add(text);
        });
    return String.join("; ", parts);
  }

  Map<Long, AccountState> accounts() {
    return accounts;
  }

  Map<String, HoldState> holds() {
    return holds;
  }

  List<AppliedTransfer> journal() {
    return journal;
  }
}
