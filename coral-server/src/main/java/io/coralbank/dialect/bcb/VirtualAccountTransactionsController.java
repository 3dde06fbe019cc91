package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.virtualaccounts.VirtualAccount;
import io.coralbank.virtualaccounts.VirtualAccounts;
import io.coralbank.web.Caller;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What moved on a customer's virtual accounts: statements, deposits from other banks, the Sub
 * accounts' total, one transaction's legs, and the same-day reversal of a transaction.
 */
@RestController
class VirtualAccountTransactionsController {

  private final VirtualAccounts virtualAccounts;
  private final Accounts accounts;
  private final LedgerReader ledger;
  private final AssetCatalogue assets;
  private final BcbPageTokens tokens;
  private final Statements statements;

  VirtualAccountTransactionsController(
      VirtualAccounts virtualAccounts,
      Accounts accounts,
      LedgerReader ledger,
      AssetCatalogue assets,
      BcbPageTokens tokens,
      Statements statements) {
    this.virtualAccounts = virtualAccounts;
    this.accounts = accounts;
    this.ledger = ledger;
    this.assets = assets;
    this.tokens = tokens;
    this.statements = statements;
  }

  @RequiresPermission("get-virtual-account-transactions")
  @GetMapping(
      path = "/v1/virtual-accounts/{virtualAccountNumber}/transactions",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  BcbList<AccountViews.Transaction> transactions(
      @PathVariable String virtualAccountNumber,
      @RequestParam(required = false) String fromDate,
      @RequestParam(required = false) String toDate,
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      Caller caller) {
    return statements.page(
        own(virtualAccountNumber, caller).account(),
        caller,
        fromDate,
        toDate,
        pageStart,
        pageSize,
        pageToken);
  }

  @RequiresPermission("get-virtual-account-transactions")
  @GetMapping(
      path = "/v1/virtual-accounts/{virtualAccountNumber}/deposits",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  BcbList<AccountViews.Transaction> deposits(
      @PathVariable String virtualAccountNumber,
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      Caller caller) {
    Account account = own(virtualAccountNumber, caller).account();
    String fingerprint = "deposits:" + caller.customerId() + ":" + account.number();
    BcbPaging paging = BcbPaging.parse(pageStart, pageSize, pageToken, fingerprint, tokens);
    long total = ledger.countExternalCredits(account.id());
    Asset asset = assets.find(account.currency()).orElseThrow();
    List<io.coralbank.ledger.PostingView> credits =
        ledger.externalCredits(account.id(), paging.offset(), paging.pageSize());
    Map<Long, String> others =
        accounts.numbersOf(
            credits.stream().map(io.coralbank.ledger.PostingView::counterpartyAccountId).toList());
    List<AccountViews.Transaction> data =
        credits.stream()
            .map(
                credit ->
                    new AccountViews.Transaction(
                        credit.transactionId(),
                        new AccountViews.AccountReference(account.number()),
                        new AccountViews.AccountReference(
                            others.get(credit.counterpartyAccountId())),
                        new AccountViews.TransactionDetails(
                            "Credit",
                            credit.description(),
                            new AccountViews.Amount(
                                Amounts.format(credit.amount(), asset), asset.code()),
                            BcbTime.format(credit.postedAt()))))
            .toList();
    return paging.envelope(data, total, total, fingerprint, tokens);
  }

  /** {@code {"currency": "USD", "amount": "6755.67"}}: what the customer's Sub accounts hold. */
  record Total(String currency, String amount) {}

  @RequiresPermission("get-virtual-account-transactions")
  @GetMapping(
      path = "/v1/virtual-accounts/balances/total",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  Total total(@RequestParam(required = false) String currency, Caller caller) {
    if (currency == null
        || assets.find(currency).isEmpty()
        || !currency.equals(currency.toUpperCase(java.util.Locale.ROOT))) {
      throw malformed("currency is required: an ISO 4217 code such as USD.");
    }
    Asset asset = assets.find(currency).orElseThrow();
    return new Total(
        currency,
        Amounts.format(virtualAccounts.totalOfSubs(caller.customerId(), currency), asset));
  }

  @RequiresPermission("get-virtual-account-transactions")
  @GetMapping(
      path = "/v1/virtual-accounts/transactions/{transactionId}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  List<AccountViews.Transaction> transaction(@PathVariable String transactionId, Caller caller) {
    List<io.coralbank.ledger.PostingView> legs =
        virtualAccounts.legs(caller.customerId(), transactionId);
    if (legs.isEmpty()) {
      throw new BcbRejections.Refusal(404, "NOT_FOUND", "Transaction not found");
    }
    Map<Long, String> numbers =
        accounts.numbersOf(
            legs.stream()
                .flatMap(
                    leg -> java.util.stream.Stream.of(leg.accountId(), leg.counterpartyAccountId()))
                .toList());
    return legs.stream()
        .map(
            leg -> {
              Asset asset =
                  assets
                      .find(
                          virtualAccounts
                              .find(caller.customerId(), numbers.get(leg.accountId()))
                              .orElseThrow()
                              .account()
                              .currency())
                      .orElseThrow();
              return new AccountViews.Transaction(
                  leg.transactionId(),
                  new AccountViews.AccountReference(numbers.get(leg.accountId())),
                  new AccountViews.AccountReference(numbers.get(leg.counterpartyAccountId())),
                  new AccountViews.TransactionDetails(
                      leg.amount() < 0 ? "Debit" : "Credit",
                      leg.description(),
                      new AccountViews.Amount(
                          Amounts.format(Math.abs(leg.amount()), asset), asset.code()),
                      BcbTime.format(leg.postedAt())));
            })
        .toList();
  }

  /** {@code DELETE}'s answer: the reversal, in the transfer responses' style. */
  record ReversalView(String id, String status, String reverses) {}

  @RequiresPermission("debit-virtual-account")
  @org.springframework.web.bind.annotation.DeleteMapping(
      path = "/v1/virtual-accounts/transactions/{transactionId}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  ReversalView reverse(@PathVariable String transactionId, Caller caller) {
    return switch (virtualAccounts.reverse(caller.customerId(), transactionId)) {
      case VirtualAccounts.Reversal.Reversed reversed ->
          new ReversalView(reversed.transactionId(), "Reversed", transactionId);
      case VirtualAccounts.Reversal.AlreadyReversed already ->
          new ReversalView(already.transactionId(), "Reversed", transactionId);
      case VirtualAccounts.Reversal.NotFound notFound ->
          throw new BcbRejections.Refusal(404, "NOT_FOUND", "Transaction not found");
      case VirtualAccounts.Reversal.NotSameDay notSameDay ->
          throw new BcbRejections.Refusal(
              400,
              "BAD_REQUEST",
              "Only a transaction of the current business day (Bermuda time) can be reversed.");
      case VirtualAccounts.Reversal.Refused refused -> throw BcbRejections.of(refused.rejection());
    };
  }

  private VirtualAccount own(String number, Caller caller) {
    return VirtualAccountsController.own(virtualAccounts, number, caller);
  }

  private static RequestRefused malformed(String message) {
    return PaymentsController.malformed(message);
  }
}
