package io.coralbank.accounts;

import io.coralbank.platform.database.AnnouncedCache;
import io.coralbank.platform.database.DatabaseNotifications;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The accounts that money-moving requests name, kept in memory between announced changes: by
 * number, and a customer's Settlement and Parent per currency (its virtual-account hierarchy). A
 * BCB transfer or virtual-account move then reads no account from the database at all. A trigger
 * announces every opened, changed or removed account with its number, owner and currency
 * (migrations V23 and V24), whichever process or operator made the change, and the entries it
 * touches are forgotten here when the announcement arrives.
 *
 * <p>Two rules keep what is remembered true. A read made inside a transaction is neither answered
 * from memory nor remembered, because it may be that transaction's own uncommitted change, which is
 * never announced if it rolls back. And an account this process opens is forgotten the moment its
 * transaction commits, without waiting for the announcement, so the client that opened it is never
 * answered from what was remembered before (another process hears of it milliseconds later).
 */
@Component
class AccountMemory {

  /** Where a trigger announces every change to an account (migrations V23, V24). */
  static final String CHANGES_CHANNEL = "coral_account_changed";

  private record HierarchyKey(UUID customerId, String currency) {}

  private final AnnouncedCache<String, Optional<Account>> byNumber;
  private final AnnouncedCache<HierarchyKey, Accounts.Hierarchy> hierarchies;

  AccountMemory(DatabaseNotifications notifications) {
    this.byNumber =
        new AnnouncedCache<>(
            notifications, CHANGES_CHANNEL, 100_000, payload -> announced(payload)[0]);
    this.hierarchies =
        new AnnouncedCache<>(
            notifications, CHANGES_CHANNEL, 100_000, AccountMemory::announcedHierarchy);
  }

  /** The account with this well-formed number, from memory outside a transaction. */
  Optional<Account> byNumber(String number, Function<String, Optional<Account>> read) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return read.apply(number);
    }
    return byNumber.find(number, read);
  }

  /** The customer's hierarchy in the currency, from memory outside a transaction. */
  Accounts.Hierarchy hierarchy(
      UUID customerId, String currency, Supplier<Accounts.Hierarchy> read) {
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return read.get();
    }
    return hierarchies.find(new HierarchyKey(customerId, currency), key -> read.get());
  }

  /** Forgets what {@code opened} changes once its transaction commits (at once without one). */
  void forgetWhenCommitted(Account opened) {
    Runnable forget =
        () -> {
          byNumber.forget(opened.number());
          if (opened.customerId() != null) {
            hierarchies.forget(new HierarchyKey(opened.customerId(), opened.currency()));
          }
        };
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      forget.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            forget.run();
          }
        });
  }

  /** The announcement's number, owner and currency. */
  private static String[] announced(String payload) {
    String[] parts = payload.split(" ");
    if (parts.length != 3 || parts[0].isBlank()) {
      throw new IllegalArgumentException("Not an account announcement: " + payload);
    }
    return parts;
  }

  private static HierarchyKey announcedHierarchy(String payload) {
    String[] parts = announced(payload);
    // A bank-side account has no owner and belongs to no customer's hierarchy; its key matches
    // none that is remembered.
    return new HierarchyKey(parts[1].equals("-") ? null : UUID.fromString(parts[1]), parts[2]);
  }
}
