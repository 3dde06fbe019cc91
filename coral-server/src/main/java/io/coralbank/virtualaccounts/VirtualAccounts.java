package io.coralbank.virtualaccounts;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.AccountOpening;
import io.coralbank.accounts.Accounts;
import io.coralbank.customers.Customers;
import io.coralbank.jobs.JobHandler;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.ledger.LedgerReversals;
import io.coralbank.ledger.PostingView;
import io.coralbank.ledger.ReversalResult;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens Sub accounts (as the {@code virtual-accounts.create} job), reads the hierarchy and moves
 * money along its two permitted paths.
 */
@Service
public class VirtualAccounts implements JobHandler {

  public static final String CREATE_JOB = "virtual-accounts.create";

  /** BCB's transaction codes for the two paths through the Parent. */
  public static final String CREDIT_CODE = "ACRT";

  public static final String DEBIT_CODE = "ADBT";

  /** BCB's code for a withdrawal from a Sub account to its holder. */
  public static final String WITHDRAWAL_CODE = "OTWT";

  /** BCB's code for a settlement from the Settlement account to a counterparty. */
  public static final String SETTLEMENT_CODE = "OTST";

  static final String UNALLOCATED = "UNALLOCATED";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Accounts accounts;
  private final Ledger ledger;
  private final LedgerReader ledgerReader;
  private final LedgerReversals reversals;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final Customers customers;

  VirtualAccounts(
      Customers customers,
      Accounts accounts,
      Ledger ledger,
      LedgerReader ledgerReader,
      LedgerReversals reversals,
      JdbcClient jdbc,
      Clock clock) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.ledgerReader = ledgerReader;
    this.reversals = reversals;
    this.jdbc = jdbc;
    this.clock = clock;
    this.customers = customers;
  }

  /** The job payload of one item. */
  public static String payload(VirtualAccountItem item) {
    return JSON.writeValueAsString(item);
  }

  @Override
  public String type() {
    return CREATE_JOB;
  }

  @Override
  public ItemOutcome run(UUID customerId, String payload) {
    VirtualAccountItem item = JSON.readValue(payload, VirtualAccountItem.class);
    if (accounts.settlementOf(customerId, item.currency()).isEmpty()) {
      return new ItemOutcome.Failed("No parent account with matching currency found");
    }
    String holder = item.unallocated() ? UNALLOCATED : item.accountHolderName();
    return switch (accounts.openCustomerAccount(
        customerId, item.currency(), AccountKind.SUB, holder)) {
      case AccountOpening.Opened opened -> {
        jdbc.sql(
                """
                insert into virtual_accounts (account_id, client_reference, account_holder_name,
                                              account_name, dob, native_language_name,
                                              unallocated, created_at, updated_at)
                values (:id, :reference, :holder, :name, :dob, :native, :unallocated, :now, :now)
                """)
            .param("id", opened.account().id())
            .param("reference", item.clientReference())
            .param("holder", holder)
            .param("name", item.unallocated() ? UNALLOCATED : item.accountName())
            .param("dob", item.dob())
            .param("native", item.nativeLanguageName())
            .param("unallocated", item.unallocated())
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .update();
        yield new ItemOutcome.Succeeded(
            JSON.writeValueAsString(Map.of("accountNumber", opened.account().number())));
      }
      case AccountOpening.Refused refused ->
          new ItemOutcome.Failed("No parent account with matching currency found");
    };
  }

  /** The customer's Settlement, Parent and Sub accounts, in a currency or all, by number. */
  public List<VirtualAccount> list(UUID customerId, String currency, long offset, int limit) {
    return jdbc
        .sql(
            """
            select a.id from accounts a
             where a.customer_id = :customer and a.kind in ('SETTLEMENT', 'PARENT', 'SUB')
               and (cast(:currency as text) is null or a.currency = :currency)
             order by a.account_number offset :offset limit :limit
            """)
        .param("customer", customerId)
        .param("currency", currency)
        .param("offset", offset)
        .param("limit", limit)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> view(accounts.find(id).orElseThrow()))
        .toList();
  }

  public long count(UUID customerId, String currency) {
    return jdbc.sql(
            """
            select count(*) from accounts a
             where a.customer_id = :customer and a.kind in ('SETTLEMENT', 'PARENT', 'SUB')
               and (cast(:currency as text) is null or a.currency = :currency)
            """)
        .param("customer", customerId)
        .param("currency", currency)
        .query(Long.class)
        .single();
  }

  /** The customer's Settlement, Parent or Sub account with this number. */
  /**
   * The customer's account in the virtual-account hierarchy with this number, without its
   * virtual-account details: what a transfer through it needs, one query less than {@link #find}.
   */
  public Optional<Account> findAccount(UUID customerId, String number) {
    return accounts.findForCustomer(customerId, number).filter(VirtualAccounts::inHierarchy);
  }

  public Optional<VirtualAccount> find(UUID customerId, String number) {
    return accounts
        .findForCustomer(customerId, number)
        .filter(VirtualAccounts::inHierarchy)
        .map(this::view);
  }

  /** What a PATCH changed; names are accepted once, for an account opened unallocated. */
  public sealed interface Update {
    record Updated(VirtualAccount account) implements Update {}

    record NotFound() implements Update {}

    /** Names can be set only once, on an account opened unallocated. */
    record NamesAlreadySet() implements Update {}
  }

  public Update update(
      UUID customerId,
      String number,
      String clientReference,
      String accountHolderName,
      String accountName,
      LocalDate dob,
      String nativeLanguageName) {
    Optional<VirtualAccount> found =
        find(customerId, number).filter(va -> va.account().kind() == AccountKind.SUB);
    if (found.isEmpty()) {
      return new Update.NotFound();
    }
    boolean namesGiven =
        accountHolderName != null
            || accountName != null
            || dob != null
            || nativeLanguageName != null;
    if (namesGiven && !found.get().unallocated()) {
      return new Update.NamesAlreadySet();
    }
    jdbc.sql(
            """
            update virtual_accounts
               set client_reference = coalesce(:reference, client_reference),
                   account_holder_name = coalesce(:holder, account_holder_name),
                   account_name = coalesce(:name, account_name),
                   dob = coalesce(:dob, dob),
                   native_language_name = coalesce(:native, native_language_name),
                   unallocated = unallocated and not :names,
                   updated_at = :now
             where account_id = :id
            """)
        .param("reference", clientReference)
        .param("holder", accountHolderName)
        .param("name", accountName)
        .param("dob", dob)
        .param("native", nativeLanguageName)
        .param("names", namesGiven)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .param("id", found.get().account().id())
        .update();
    return new Update.Updated(find(customerId, number).orElseThrow());
  }

  /**
   * Settlement -> Parent -> Sub: one ledger transaction of two linked legs, so the Parent nets to
   * zero. Returns the ledger's answer for the first leg (the chain succeeds or fails as one).
   * {@code hierarchy} is the Sub's customer's Settlement and Parent in its currency ({@link
   * Accounts#hierarchyOf}), which the caller has read already to check the route.
   */
  public TransferResult credit(
      Account sub,
      Accounts.Hierarchy hierarchy,
      long amount,
      String transferId,
      String description) {
    return move(sub, hierarchy, amount, transferId, description, true);
  }

  /** Sub -> Parent -> Settlement, the way back. */
  public TransferResult debit(
      Account sub,
      Accounts.Hierarchy hierarchy,
      long amount,
      String transferId,
      String description) {
    return move(sub, hierarchy, amount, transferId, description, false);
  }

  private TransferResult move(
      Account sub,
      Accounts.Hierarchy hierarchy,
      long amount,
      String transferId,
      String description,
      boolean credit) {
    Account settlement = hierarchy.settlement().orElseThrow();
    Account parent = hierarchy.parent().orElseThrow();
    long from = credit ? settlement.id() : sub.id();
    long to = credit ? sub.id() : settlement.id();
    String code = credit ? CREDIT_CODE : DEBIT_CODE;
    List<TransferResult> results =
        ledger.submit(
            List.of(
                new TransferRequest(
                    new TransferCommand.Posting(
                        transferId + ":in", from, parent.id(), sub.currency(), amount, true),
                    code,
                    description),
                new TransferRequest(
                    new TransferCommand.Posting(
                        transferId + ":out", parent.id(), to, sub.currency(), amount, false),
                    code,
                    description)));
    for (TransferResult result : results) {
      if (result instanceof TransferResult.Rejected rejected
          && rejected.rejection() != io.coralbank.kernel.ledger.Rejection.LINKED_TRANSFER_FAILED) {
        return rejected;
      }
    }
    return results.getFirst();
  }

  /** The sum of the customer's Sub account balances in the currency, in minor units. */
  public long totalOfSubs(UUID customerId, String currency) {
    return jdbc.sql(
            """
            select coalesce(sum(l.posted), 0) from ledger_accounts l
              join accounts a on a.id = l.account_id
             where a.customer_id = :customer and a.kind = 'SUB' and a.currency = :currency
            """)
        .param("customer", customerId)
        .param("currency", currency)
        .query(Long.class)
        .single();
  }

  /**
   * The legs of a ledger transaction on the customer's Settlement, Parent and Sub accounts; empty
   * when the transaction touches none of them (another customer's is not found).
   */
  public List<PostingView> legs(UUID customerId, String transactionId) {
    return ledgerReader.postingsOfTransaction(transactionId).stream()
        .filter(
            posting ->
                accounts.numbersOf(List.of(posting.accountId())).values().stream()
                    .anyMatch(number -> find(customerId, number).isPresent()))
        .toList();
  }

  /** What a request to reverse a transaction came to. */
  public sealed interface Reversal {
    record Reversed(String transactionId) implements Reversal {}

    /** Reversed before, by {@code transactionId}: the same answer again. */
    record AlreadyReversed(String transactionId) implements Reversal {}

    record NotFound() implements Reversal {}

    /** Only a transaction of the current Bermuda business day can be reversed. */
    record NotSameDay() implements Reversal {}

    /** The money has moved on (the Sub spent it): the ledger refused. */
    record Refused(io.coralbank.kernel.ledger.Rejection rejection) implements Reversal {}
  }

  /**
   * Reverses a same-day transaction on the customer's hierarchy: a new transaction, {@code
   * REVERSAL}, moves every posted amount back. Idempotent: a second request answers the first
   * reversal.
   */
  public Reversal reverse(UUID customerId, String transactionId) {
    if (legs(customerId, transactionId).isEmpty()) {
      return new Reversal.NotFound();
    }
    var state = ledgerReader.transaction(transactionId).orElseThrow();
    if (state.reversedBy() != null) {
      return new Reversal.AlreadyReversed(state.reversedBy());
    }
    java.time.ZoneId bermuda = io.coralbank.kernel.calendar.BermudaCalendar.ZONE;
    if (!LocalDate.ofInstant(state.createdAt(), bermuda)
        .equals(LocalDate.ofInstant(clock.instant(), bermuda))) {
      return new Reversal.NotSameDay();
    }
    return switch (reversals.reverse(transactionId, "Reversal of " + transactionId)) {
      case ReversalResult.Reversed reversed -> new Reversal.Reversed(reversed.transactionId());
      case ReversalResult.AlreadyReversed already ->
          new Reversal.AlreadyReversed(already.transactionId());
      case ReversalResult.NotFound notFound -> new Reversal.NotFound();
      case ReversalResult.NothingToReverse nothing -> new Reversal.NotFound();
      case ReversalResult.Refused refused -> new Reversal.Refused(refused.rejection());
    };
  }

  /**
   * Whether {@code beneficiaryName} is the Sub account holder's own name (case and spacing aside):
   * a Sub may pay out only to a same-name beneficiary, as BCB's flows require.
   */
  public boolean isSameName(VirtualAccount sub, String beneficiaryName) {
    return sub.accountHolderName() != null
        && beneficiaryName != null
        && !sub.unallocated()
        && normalized(sub.accountHolderName()).equals(normalized(beneficiaryName));
  }

  private static String normalized(String name) {
    return name.trim().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
  }

  /** What a Sub account's withdrawal to another account of the bank came to. */
  public sealed interface InternalWithdrawal {
    record Done(TransferResult result, Account destination) implements InternalWithdrawal {}

    record DestinationNotFound() implements InternalWithdrawal {}

    /** The destination's owner is not the Sub account's holder. */
    record NotSameName() implements InternalWithdrawal {}
  }

  /**
   * Sub -> an account of the bank whose owner bears the Sub account holder's name (OTWT): the
   * same-name rule of BCB's flows, checked against the destination customer's name.
   */
  public InternalWithdrawal withdrawInternally(
      VirtualAccount sub,
      String destinationNumber,
      long amount,
      String transferId,
      String description) {
    Optional<Account> destination = accounts.findCustomerAccount(destinationNumber);
    if (destination.isEmpty()) {
      return new InternalWithdrawal.DestinationNotFound();
    }
    String owner = customers.find(destination.get().customerId()).orElseThrow().name();
    if (!isSameName(sub, owner)) {
      return new InternalWithdrawal.NotSameName();
    }
    return new InternalWithdrawal.Done(
        ledger.submit(
            new TransferRequest(
                new TransferCommand.Posting(
                    transferId,
                    sub.account().id(),
                    destination.get().id(),
                    sub.account().currency(),
                    amount,
                    false),
                WITHDRAWAL_CODE,
                description)),
        destination.get());
  }

  /** Settlement -> an internal counterparty account: one posting, BCB's code OTST. */
  public TransferResult settleInternally(
      Account settlement,
      Account counterparty,
      long amount,
      String transferId,
      String description) {
    return ledger.submit(
        new TransferRequest(
            new TransferCommand.Posting(
                transferId,
                settlement.id(),
                counterparty.id(),
                settlement.currency(),
                amount,
                false),
            SETTLEMENT_CODE,
            description));
  }

  static boolean inHierarchy(Account account) {
    return account.kind() == AccountKind.SETTLEMENT
        || account.kind() == AccountKind.PARENT
        || account.kind() == AccountKind.SUB;
  }

  private VirtualAccount view(Account account) {
    return jdbc.sql(
            """
            select client_reference, account_holder_name, account_name, dob,
                   native_language_name, unallocated
              from virtual_accounts where account_id = :id
            """)
        .param("id", account.id())
        .query(
            (row, number) ->
                new VirtualAccount(
                    account,
                    row.getString("client_reference"),
                    row.getString("account_holder_name"),
                    row.getString("account_name"),
                    row.getObject("dob", LocalDate.class),
                    row.getString("native_language_name"),
                    row.getBoolean("unallocated")))
        .optional()
        .orElse(new VirtualAccount(account, null, null, null, null, null, false));
  }
}
