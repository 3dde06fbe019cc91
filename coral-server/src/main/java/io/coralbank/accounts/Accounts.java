package io.coralbank.accounts;

import com.github.f4b6a3.ulid.UlidCreator;
import io.coralbank.customers.Customers;
import io.coralbank.kernel.ledger.HierarchyRole;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.LedgerAccounts;
import io.coralbank.platform.UnscopedLookup;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Opens and finds accounts. */
@Service
public class Accounts {

  /** Wallets are named by id, in Cayman's style: {@code wal_} and a ULID. */
  public static final String WALLET_PREFIX = "wal_";

  private static final String COLUMNS =
      "id, account_number, public_id, customer_id, currency, kind, rail, status, label, created_at";
  private static final RowMapper<Account> ACCOUNT =
      (row, number) -> {
        String rail = row.getString("rail");
        return new Account(
            row.getLong("id"),
            row.getString("account_number"),
            row.getString("public_id"),
            row.getObject("customer_id", UUID.class),
            row.getString("currency"),
            AccountKind.valueOf(row.getString("kind")),
            rail == null ? null : Rail.valueOf(rail),
            AccountStatus.valueOf(row.getString("status")),
            row.getString("label"),
            row.getObject("created_at", OffsetDateTime.class).toInstant());
      };

  private final JdbcClient jdbc;
  private final Customers customers;
  private final AssetCatalogue assets;
  private final LedgerAccounts ledger;
  private final Clock clock;
  // The accounts and hierarchies that money-moving requests name: such a request needs only what
  // never changes about them (id, owner, currency, kind), and the ledger decides whether they may
  // move money, but whatever else is remembered is kept current by announcements.
  private final AccountMemory memory;

  Accounts(
      JdbcClient jdbc,
      Customers customers,
      AssetCatalogue assets,
      LedgerAccounts ledger,
      Clock clock,
      AccountMemory memory) {
    this.memory = memory;
    this.jdbc = jdbc;
    this.customers = customers;
    this.assets = assets;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** Opens a customer account and its balance row, or says which rule refused it. */
  @Transactional
  public AccountOpening openCustomerAccount(
      UUID customerId, String currency, AccountKind kind, String label) {
    if (!customers.exists(customerId)) {
      return new AccountOpening.Refused(AccountOpeningRejection.CUSTOMER_MUST_EXIST);
    }
    var asset = assets.find(currency);
    if (asset.isEmpty()) {
      return new AccountOpening.Refused(AccountOpeningRejection.CURRENCY_MUST_BE_SUPPORTED);
    }
    if (kind.isBankSide()) {
      return new AccountOpening.Refused(AccountOpeningRejection.KIND_MUST_BE_A_CUSTOMER_KIND);
    }
    if (kind == AccountKind.SETTLEMENT || kind == AccountKind.PARENT) {
      boolean taken =
          jdbc.sql(
                  "select exists (select 1 from accounts where customer_id = :customer"
                      + " and currency = :currency and kind = :kind)")
              .param("customer", customerId)
              .param("currency", asset.get().code())
              .param("kind", kind.name())
              .query(Boolean.class)
              .single();
      if (taken) {
        return new AccountOpening.Refused(onePerCurrency(kind));
      }
    }
    Optional<Long> parent = parentOf(customerId, asset.get().code()).map(Account::id);
    if (kind == AccountKind.SUB && parent.isEmpty()) {
      return new AccountOpening.Refused(AccountOpeningRejection.PARENT_ACCOUNT_MUST_EXIST);
    }
    Account opened;
    try {
      opened = insert(customerId, asset.get().code(), kind, null, label, 0);
    } catch (DuplicateKeyException openedConcurrently) {
      return new AccountOpening.Refused(onePerCurrency(kind));
    }
    joinHierarchy(opened, parent);
    return new AccountOpening.Opened(opened);
  }

  /**
   * Gives a Settlement, Parent or Sub account its place in the customer's hierarchy for the
   * currency; a Parent also takes in the Settlement opened before it.
   */
  private void joinHierarchy(Account account, Optional<Long> parent) {
    switch (account.kind()) {
      case SETTLEMENT ->
          ledger.joinHierarchy(account.id(), HierarchyRole.SETTLEMENT, parent.orElse(null));
      case SUB -> ledger.joinHierarchy(account.id(), HierarchyRole.SUB, parent.orElseThrow());
      case PARENT -> {
        ledger.joinHierarchy(account.id(), HierarchyRole.PARENT, account.id());
        jdbc.sql(
                "select id from accounts where customer_id = :customer and currency = :currency"
                    + " and kind = 'SETTLEMENT'")
            .param("customer", account.customerId())
            .param("currency", account.currency())
            .query(Long.class)
            .optional()
            .ifPresent(
                settlement ->
                    ledger.joinHierarchy(settlement, HierarchyRole.SETTLEMENT, account.id()));
      }
      case CURRENT, WALLET, CARD_FUNDING, CLEARING, FX_LIQUIDITY, FEE_INCOME, SUSPENSE -> {}
    }
  }

  private static AccountOpeningRejection onePerCurrency(AccountKind kind) {
    return kind == AccountKind.SETTLEMENT
        ? AccountOpeningRejection.ONE_SETTLEMENT_ACCOUNT_PER_CURRENCY
        : AccountOpeningRejection.ONE_PARENT_ACCOUNT_PER_CURRENCY;
  }

  /**
   * The bank's own account of {@code kind} for {@code currency} (and {@code rail} for clearing),
   * opened on first use. Safe when several requests or processes ask at once.
   *
   * <p>Opened in a transaction of its own and committed at once: the ledger engine, on its own
   * connections, must see the account even while the request that needed it is still running (an
   * idempotent request runs in one transaction until its response is stored).
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Account bankAccount(AccountKind kind, String currency, Rail rail) {
    if (!kind.isBankSide()) {
      throw new IllegalArgumentException(kind + " is not a bank-side kind");
    }
    Optional<Account> existing = findBankAccount(kind, currency, rail);
    if (existing.isPresent()) {
      return existing.get();
    }
    String label = kind.name() + " " + currency + (rail == null ? "" : " " + rail.name());
    Optional<Long> inserted =
        jdbc.sql(
                "insert into accounts (account_number, customer_id, currency, kind, rail, status,"
                    + " label, created_at) values (:number, null, :currency, :kind, :rail,"
                    + " 'ACTIVE', :label, :now)"
                    + " on conflict (kind, currency, coalesce(rail, '')) where customer_id is null"
                    + " do nothing returning id")
            .param("number", nextNumber())
            .param("currency", currency)
            .param("kind", kind.name())
            .param("rail", rail == null ? null : rail.name())
            .param("label", label)
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .query(Long.class)
            .optional();
    if (inserted.isEmpty()) {
      // Another request or process opened it first; that one is the bank's account.
      return findBankAccount(kind, currency, rail).orElseThrow();
    }
    ledger.open(inserted.get(), currency, true, 0);
    return find(inserted.get()).orElseThrow();
  }

  private Optional<Account> findBankAccount(AccountKind kind, String currency, Rail rail) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from accounts where customer_id is null and kind = :kind"
                + " and currency = :currency and coalesce(rail, '') = :rail")
        .param("kind", kind.name())
        .param("currency", currency)
        .param("rail", rail == null ? "" : rail.name())
        .query(ACCOUNT)
        .optional();
  }

  private Account insert(
      UUID customerId,
      String currency,
      AccountKind kind,
      Rail rail,
      String label,
      long overdraftLimit) {
    String number = nextNumber();
    OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
    long id =
        jdbc.sql(
                "insert into accounts (account_number, public_id, customer_id, currency, kind,"
                    + " rail, status, label, created_at) values (:number, :publicId, :customer,"
                    + " :currency, :kind, :rail, 'ACTIVE', :label, :now) returning id")
            .param("number", number)
            .param(
                "publicId",
                kind == AccountKind.WALLET ? WALLET_PREFIX + UlidCreator.getMonotonicUlid() : null)
            .param("customer", customerId)
            .param("currency", currency)
            .param("kind", kind.name())
            .param("rail", rail == null ? null : rail.name())
            .param("label", label)
            .param("now", now)
            .query(Long.class)
            .single();
    ledger.open(id, currency, kind.isBankSide(), overdraftLimit);
    Account opened = find(id).orElseThrow();
    memory.forgetWhenCommitted(opened);
    return opened;
  }

  private String nextNumber() {
    return AccountNumbers.fromSequence(
        jdbc.sql("select nextval('account_number_seq')").query(Long.class).single());
  }

  /** The highest account id of the customer: the bound that keeps a paged list stable. */
  public long lastIdForCustomer(UUID customerId) {
    return jdbc.sql("select coalesce(max(id), 0) from accounts where customer_id = :customer")
        .param("customer", customerId)
        .query(Long.class)
        .single();
  }

  /** The customer's accounts with ids up to {@code bound}, by account number. */
  public List<Account> pageForCustomer(UUID customerId, long bound, long offset, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from accounts where customer_id = :customer and id <= :bound"
                + " order by account_number offset :offset limit :limit")
        .param("customer", customerId)
        .param("bound", bound)
        .param("offset", offset)
        .param("limit", limit)
        .query(ACCOUNT)
        .list();
  }

  public long countForCustomer(UUID customerId, long bound) {
    return jdbc.sql("select count(*) from accounts where customer_id = :customer and id <= :bound")
        .param("customer", customerId)
        .param("bound", bound)
        .query(Long.class)
        .single();
  }

  /**
   * The numbers of the accounts with these ids, and nothing else about them: what a statement shows
   * of the other side of a transfer, whoever owns it.
   */
  public Map<Long, String> numbersOf(Collection<Long> ids) {
    Map<Long, String> numbers = new HashMap<>();
    if (ids.isEmpty()) {
      return numbers;
    }
    jdbc.sql("select id, account_number from accounts where id = any(:ids)")
        .param("ids", ids.stream().mapToLong(Long::longValue).toArray())
        .query(
            (row, number) -> {
              numbers.put(row.getLong("id"), row.getString("account_number"));
              return null;
            })
        .list();
    return numbers;
  }

  /**
   * A customer account of the bank by number, whoever owns it, for paying into it: callers may
   * reveal only its number. Bank-side accounts are not found.
   */
  public Optional<Account> findCustomerAccount(String number) {
    return remembered(number).filter(account -> account.customerId() != null);
  }

  /** The account with this number if it belongs to {@code customerId}: what a dialect may see. */
  public Optional<Account> findForCustomer(UUID customerId, String number) {
    return remembered(number).filter(account -> customerId.equals(account.customerId()));
  }

  /** The account with this number, from memory where that is safe ({@link AccountMemory}). */
  private Optional<Account> remembered(String number) {
    if (!AccountNumbers.isWellFormed(number)) {
      return Optional.empty();
    }
    return memory.byNumber(number, this::findByNumber);
  }

  /**
   * The two accounts of a transfer between customers, as {@link #findTransferAccounts} finds them.
   */
  public record TransferAccounts(Optional<Account> debit, Optional<Account> credit) {}

  /**
   * The two accounts of a transfer from one of {@code customerId}'s accounts to any customer's: the
   * debit account only if it is the customer's, as {@link #findForCustomer}; the credit account
   * only if it is a customer's, as {@link #findCustomerAccount}. Outside a transaction both usually
   * come from memory; inside one they are read in one query (a second round trip would cost every
   * transfer request).
   */
  public TransferAccounts findTransferAccounts(
      UUID customerId, String debitNumber, String creditNumber) {
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      return new TransferAccounts(
          findForCustomer(customerId, debitNumber), findCustomerAccount(creditNumber));
    }
    Map<String, Account> named = findByNumbers(List.of(debitNumber, creditNumber));
    return new TransferAccounts(
        Optional.ofNullable(named.get(debitNumber))
            .filter(account -> customerId.equals(account.customerId())),
        Optional.ofNullable(named.get(creditNumber))
            .filter(account -> account.customerId() != null));
  }

  private Map<String, Account> findByNumbers(Collection<String> numbers) {
    List<String> wellFormed = numbers.stream().filter(AccountNumbers::isWellFormed).toList();
    if (wellFormed.isEmpty()) {
      return Map.of();
    }
    return jdbc
        .sql("select " + COLUMNS + " from accounts where account_number in (:numbers)")
        .param("numbers", wellFormed)
        .query(ACCOUNT)
        .list()
        .stream()
        .collect(Collectors.toMap(Account::number, account -> account));
  }

  @UnscopedLookup
  public Optional<Account> findByNumber(String number) {
    if (!AccountNumbers.isWellFormed(number)) {
      return Optional.empty();
    }
    return jdbc.sql("select " + COLUMNS + " from accounts where account_number = :number")
        .param("number", number)
        .query(ACCOUNT)
        .optional();
  }

  @UnscopedLookup
  public Optional<Account> find(long id) {
    return jdbc.sql("select " + COLUMNS + " from accounts where id = :id")
        .param("id", id)
        .query(ACCOUNT)
        .optional();
  }

  /**
   * The customer's wallets after the wallet with id {@code afterId} (0: from the first), oldest
   * first.
   */
  public List<Account> walletsOfCustomer(UUID customerId, long afterId, int limit) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from accounts where customer_id = :customer and kind = 'WALLET'"
                + " and id > :after order by id limit :limit")
        .param("customer", customerId)
        .param("after", afterId)
        .param("limit", limit)
        .query(ACCOUNT)
        .list();
  }

  /** The wallet with this public id if it belongs to {@code customerId}. */
  public Optional<Account> findWalletForCustomer(UUID customerId, String publicId) {
    return findWallet(publicId).filter(wallet -> customerId.equals(wallet.customerId()));
  }

  /**
   * Any customer's wallet by public id, for paying into it: callers may reveal only its id, as for
   * {@link #findCustomerAccount(String)}.
   */
  public Optional<Account> findWallet(String publicId) {
    if (publicId == null || !publicId.startsWith(WALLET_PREFIX)) {
      return Optional.empty();
    }
    return jdbc.sql(
            "select " + COLUMNS + " from accounts where public_id = :id and kind = 'WALLET'")
        .param("id", publicId)
        .query(ACCOUNT)
        .optional();
  }

  /** The customer's first wallet in {@code currency}: where a transfer comes from by default. */
  public Optional<Account> defaultWallet(UUID customerId, String currency) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from accounts where customer_id = :customer and kind = 'WALLET'"
                + " and currency = :currency order by id limit 1")
        .param("customer", customerId)
        .param("currency", currency)
        .query(ACCOUNT)
        .optional();
  }

  /** The customer's Settlement account in the currency, if it has one. */
  public Optional<Account> settlementOf(UUID customerId, String currency) {
    return ofKind(customerId, currency, AccountKind.SETTLEMENT);
  }

  /** The customer's Parent account in the currency, if it has one. */
  public Optional<Account> parentOf(UUID customerId, String currency) {
    return ofKind(customerId, currency, AccountKind.PARENT);
  }

  /** A customer's Settlement and Parent accounts in one currency; either may be missing. */
  public record Hierarchy(Optional<Account> settlement, Optional<Account> parent) {}

  /**
   * The customer's Settlement and Parent accounts in the currency, in one query or, outside a
   * transaction, usually from memory: every move through a Sub account names both, and it is the
   * hot path of a virtual-account bank.
   */
  public Hierarchy hierarchyOf(UUID customerId, String currency) {
    return memory.hierarchy(customerId, currency, () -> readHierarchy(customerId, currency));
  }

  private Hierarchy readHierarchy(UUID customerId, String currency) {
    List<Account> found =
        jdbc.sql(
                "select distinct on (kind) "
                    + COLUMNS
                    + " from accounts where customer_id = :customer and currency = :currency"
                    + " and kind in ('SETTLEMENT', 'PARENT') order by kind, id")
            .param("customer", customerId)
            .param("currency", currency)
            .query(ACCOUNT)
            .list();
    return new Hierarchy(
        found.stream().filter(account -> account.kind() == AccountKind.SETTLEMENT).findFirst(),
        found.stream().filter(account -> account.kind() == AccountKind.PARENT).findFirst());
  }

  private Optional<Account> ofKind(UUID customerId, String currency, AccountKind kind) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from accounts where customer_id = :customer and currency = :currency"
                + " and kind = :kind order by id limit 1")
        .param("customer", customerId)
        .param("currency", currency)
        .param("kind", kind.name())
        .query(ACCOUNT)
        .optional();
  }
}
