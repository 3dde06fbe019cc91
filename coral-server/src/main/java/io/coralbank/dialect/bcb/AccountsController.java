package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.customers.Customers;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.Balance;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's accounts and their transactions, always within the caller's customer: another customer's
 * account is 404 like a missing one.
 */
@RestController
class AccountsController {

  static final String JSON_OR_CSV = BcbMediaTypes.TEXT_CSV_VALUE;
  private static final DateTimeFormatter COMPACT_DATE = DateTimeFormatter.BASIC_ISO_DATE;
  private static final int MAXIMUM_RANGE_DAYS = 366;

  private final Accounts accounts;
  private final Customers customers;
  private final LedgerReader ledger;
  private final AssetCatalogue assets;
  private final BcbPageTokens tokens;
  private final Clock clock;
  private final Statements statements;

  AccountsController(
      Statements statements,
      Accounts accounts,
      Customers customers,
      LedgerReader ledger,
      AssetCatalogue assets,
      BcbPageTokens tokens,
      Clock clock) {
    this.accounts = accounts;
    this.customers = customers;
    this.ledger = ledger;
    this.assets = assets;
    this.tokens = tokens;
    this.clock = clock;
    this.statements = statements;
  }

  @RequiresPermission("get-accounts")
  @GetMapping(
      path = "/v1/accounts",
      produces = {MediaType.APPLICATION_JSON_VALUE, JSON_OR_CSV})
  BcbList<AccountViews.AccountSummary> list(
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      Caller caller) {
    String fingerprint = "accounts:" + caller.customerId();
    BcbPaging paging = BcbPaging.parse(pageStart, pageSize, pageToken, fingerprint, tokens);
    long bound =
        paging.token() != null
            ? paging.token().bound()
            : accounts.lastIdForCustomer(caller.customerId());
    long total = accounts.countForCustomer(caller.customerId(), bound);
    List<AccountViews.AccountSummary> data =
        accounts
            .pageForCustomer(caller.customerId(), bound, paging.offset(), paging.pageSize())
            .stream()
            .map(this::summary)
            .toList();
    return paging.envelope(data, total, bound, fingerprint, tokens);
  }

  @RequiresPermission("get-accounts")
  @GetMapping(
      path = "/v1/accounts/{accountNumber}",
      produces = {MediaType.APPLICATION_JSON_VALUE, JSON_OR_CSV})
  AccountViews.AccountDetails details(@PathVariable String accountNumber, Caller caller) {
    Account account = own(accountNumber, caller);
    Asset asset = asset(account);
    Balance balance = ledger.balance(account.id()).orElseThrow();
    var customer = customers.own(caller.customerId());
    return new AccountViews.AccountDetails(
        account.number(),
        account.number(),
        account.label(),
        List.of(new AccountViews.Owner(customer.id().toString(), customer.name())),
        AccountViews.type(account.kind()),
        new AccountViews.Amount(Amounts.format(balance.posted(), asset), account.currency()),
        List.of(
            new AccountViews.Attribute("STATUS", account.status().name()),
            new AccountViews.Attribute(
                "AVAILABLE_BALANCE", Amounts.format(balance.available(), asset)),
            new AccountViews.Attribute(
                "HOLD_AMOUNT", Amounts.format(balance.pendingDebits(), asset)),
            new AccountViews.Attribute("CURRENCY", account.currency())));
  }

  @RequiresPermission("get-transactions")
  @GetMapping(
      path = "/v1/accounts/{accountNumber}/transactions",
      produces = {MediaType.APPLICATION_JSON_VALUE, JSON_OR_CSV})
  BcbList<AccountViews.Transaction> transactions(
      @PathVariable String accountNumber,
      @RequestParam(required = false) String fromDate,
      @RequestParam(required = false) String toDate,
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      Caller caller) {
    Account account = own(accountNumber, caller);
    return statements.page(account, caller, fromDate, toDate, pageStart, pageSize, pageToken);
  }

  private Account own(String accountNumber, Caller caller) {
    return accounts
        .findForCustomer(caller.customerId(), accountNumber)
        .orElseThrow(() -> new RequestRefused(FailureKind.ROUTE_NOT_FOUND, "Account not found"));
  }

  private Asset asset(Account account) {
    return assets.find(account.currency()).orElseThrow();
  }

  private AccountViews.AccountSummary summary(Account account) {
    Asset asset = asset(account);
    Balance balance = ledger.balance(account.id()).orElseThrow();
    return new AccountViews.AccountSummary(
        account.number(),
        account.label(),
        AccountViews.type(account.kind()),
        account.currency(),
        new AccountViews.Amount(Amounts.format(balance.posted(), asset), account.currency()),
        account.status().name());
  }
}
