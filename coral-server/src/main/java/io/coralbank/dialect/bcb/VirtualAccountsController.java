package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.events.WebhookEndpoints;
import io.coralbank.events.WebhookUrls;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.identity.ApiClients;
import io.coralbank.jobs.Job;
import io.coralbank.jobs.Jobs;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.ledger.Balance;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.ledger.TransferResult;
import io.coralbank.platform.CoralProperties;
import io.coralbank.virtualaccounts.VirtualAccount;
import io.coralbank.virtualaccounts.VirtualAccountItem;
import io.coralbank.virtualaccounts.VirtualAccounts;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.GlobalRateLimit;
import io.coralbank.web.JsonAmounts;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's virtual-account service: Sub accounts opened by a background job, the hierarchy listed and
 * read, client references and once-only names updated, and money moved Settlement -> Parent -> Sub
 * and back. The rules are the core's ({@link VirtualAccounts}) and the kernel's.
 */
@RestController
class VirtualAccountsController {

  static final int MAXIMUM_ITEMS = 1000;

  private final VirtualAccounts virtualAccounts;
  private final Jobs jobs;
  private final Accounts accounts;
  private final LedgerReader ledger;
  private final AssetCatalogue assets;
  private final BcbPageTokens tokens;
  private final Clock clock;
  private final WebhookEndpoints endpoints;
  private final ApiClients clients;
  private final CoralProperties coral;
  private final Statements statements;

  VirtualAccountsController(
      Statements statements,
      WebhookEndpoints endpoints,
      ApiClients clients,
      CoralProperties coral,
      VirtualAccounts virtualAccounts,
      Jobs jobs,
      Accounts accounts,
      LedgerReader ledger,
      AssetCatalogue assets,
      BcbPageTokens tokens,
      Clock clock) {
    this.virtualAccounts = virtualAccounts;
    this.jobs = jobs;
    this.accounts = accounts;
    this.ledger = ledger;
    this.assets = assets;
    this.tokens = tokens;
    this.clock = clock;
    this.endpoints = endpoints;
    this.clients = clients;
    this.coral = coral;
    this.statements = statements;
  }

  @RequiresPermission("create-virtual-accounts")
  @GlobalRateLimit(requests = 1, seconds = 2)
  @PostMapping(
      path = "/v1/virtual-accounts",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  @ResponseStatus(HttpStatus.ACCEPTED)
  VirtualAccountViews.JobAccepted create(
      @RequestBody VirtualAccountViews.CreateRequest request,
      Caller caller,
      HttpServletRequest http) {
    if (request.items() == null
        || request.items().isEmpty()
        || request.items().size() > MAXIMUM_ITEMS) {
      throw malformed("items must hold 1 to " + MAXIMUM_ITEMS + " accounts.");
    }
    Map<String, String> headers = customHeaders(request.customHeaders());
    if (request.callbackUrl() != null) {
      WebhookUrls.problem(request.callbackUrl(), coral.mode())
          .ifPresent(
              problem -> {
                throw malformed("callbackUrl: " + problem);
              });
    }
    List<String> payloads = new ArrayList<>();
    for (int index = 0; index < request.items().size(); index++) {
      payloads.add(
          VirtualAccounts.payload(item(request.items().get(index), "items[" + index + "]")));
    }
    String callbackEndpoint = null;
    if (request.callbackUrl() != null) {
      // The completion callback is signed like every BCB notification: with this client's
      // message signing secret, on an endpoint of its own that only this job's event reaches.
      callbackEndpoint =
          endpoints
              .registerWithSecret(
                  caller.customerId(),
                  BcbEvents.DIALECT,
                  UUID.randomUUID().toString(),
                  request.callbackUrl(),
                  List.of(BcbEvents.JOB_STATUS),
                  clients
                      .signingSecretEncrypted(caller.customerId(), caller.clientId())
                      .orElseThrow(),
                  headers,
                  null)
              .id();
    }
    Job job =
        jobs.submit(
            caller.customerId(),
            VirtualAccounts.CREATE_JOB,
            request.callbackUrl(),
            headers,
            callbackEndpoint,
            payloads);
    String base = http.getRequestURL().toString().replaceFirst("/v1/virtual-accounts$", "");
    String statusUrl = base + "/v1/jobs/" + job.id();
    return new VirtualAccountViews.JobAccepted(
        job.id().toString(), job.status().name(), statusUrl, statusUrl + "/results");
  }

  /** BCB's limits: at most 10 headers, keys of at most 50 and values of at most 500 characters. */
  private static Map<String, String> customHeaders(Map<String, String> headers) {
    if (headers == null) {
      return Map.of();
    }
    if (headers.size() > 10) {
      throw malformed("customHeaders: at most 10 headers.");
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      if (header.getKey().isBlank()
          || header.getKey().length() > 50
          || !header.getKey().matches("[A-Za-z0-9-]+")
          || header.getValue() == null
          || header.getValue().length() > 500
          || header.getValue().contains("\n")
          || header.getValue().contains("\r")) {
        throw malformed(
            "customHeaders: keys are 1 to 50 letters, digits or dashes; values at most 500"
                + " characters on one line.");
      }
      if (header.getKey().toLowerCase(java.util.Locale.ROOT).startsWith("bcb-")
          || header.getKey().equalsIgnoreCase("Content-Type")) {
        throw malformed("customHeaders: " + header.getKey() + " is set by the bank.");
      }
    }
    return headers;
  }

  private VirtualAccountItem item(VirtualAccountViews.Item item, String name) {
    if (item == null) {
      throw malformed(name + " is required.");
    }
    String currency = item.currency();
    if (currency == null
        || Currency.getAvailableCurrencies().stream()
            .noneMatch(known -> known.getCurrencyCode().equals(currency))) {
      throw malformed(name + ".currency must be an ISO 4217 currency code.");
    }
    boolean unallocated = Boolean.TRUE.equals(item.unallocated());
    if (!unallocated) {
      text(item.accountHolderName(), name + ".accountHolderName", 140, true);
      text(item.accountName(), name + ".accountName", 140, true);
    }
    text(item.clientReference(), name + ".clientReference", 35, false);
    text(item.nativeLanguageName(), name + ".nativeLanguageName", 255, false);
    return new VirtualAccountItem(
        currency,
        item.accountHolderName(),
        item.accountName(),
        item.clientReference(),
        unallocated,
        date(item.dob(), name + ".dob"),
        item.nativeLanguageName());
  }

  @RequiresPermission("get-virtual-accounts")
  @GetMapping(
      path = "/v1/virtual-accounts",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  BcbList<VirtualAccountViews.VirtualAccount> list(
      @RequestParam(required = false) String currency,
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      Caller caller) {
    String fingerprint = "virtual-accounts:" + caller.customerId() + ":" + currency;
    BcbPaging paging = BcbPaging.parse(pageStart, pageSize, pageToken, fingerprint, tokens);
    long total = virtualAccounts.count(caller.customerId(), currency);
    List<VirtualAccountViews.VirtualAccount> data =
        virtualAccounts
            .list(caller.customerId(), currency, paging.offset(), paging.pageSize())
            .stream()
            .map(this::view)
            .toList();
    return paging.envelope(data, total, total, fingerprint, tokens);
  }

  @RequiresPermission("get-virtual-accounts")
  @GetMapping(
      path = "/v1/virtual-accounts/{virtualAccountNumber}",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  VirtualAccountViews.VirtualAccount virtualAccount(
      @PathVariable String virtualAccountNumber, Caller caller) {
    return view(own(virtualAccountNumber, caller));
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

  @RequiresPermission("create-virtual-accounts")
  @PatchMapping(
      path = "/v1/virtual-accounts/{virtualAccountNumber}",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  VirtualAccountViews.VirtualAccount update(
      @PathVariable String virtualAccountNumber,
      @RequestBody VirtualAccountViews.UpdateRequest request,
      Caller caller) {
    text(request.clientReference(), "clientReference", 35, false);
    text(request.accountHolderName(), "accountHolderName", 140, false);
    text(request.accountName(), "accountName", 140, false);
    text(request.nativeLanguageName(), "nativeLanguageName", 255, false);
    return switch (virtualAccounts.update(
        caller.customerId(),
        virtualAccountNumber,
        request.clientReference(),
        request.accountHolderName(),
        request.accountName(),
        date(request.dob(), "dob"),
        request.nativeLanguageName())) {
      case VirtualAccounts.Update.Updated updated -> view(updated.account());
      case VirtualAccounts.Update.NotFound notFound ->
          throw new BcbRejections.Refusal(404, "NOT_FOUND", "Virtual account not found");
      case VirtualAccounts.Update.NamesAlreadySet already ->
          throw new BcbRejections.Refusal(
              400,
              "BAD_REQUEST",
              "The account holder's names are immutable after first update; only clientReference"
                  + " can change.");
    };
  }

  @RequiresPermission("credit-virtual-account")
  @PostMapping(
      path = "/v1/virtual-accounts/{accountNumber}/transfers/credit",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse credit(
      @PathVariable String accountNumber,
      @RequestBody VirtualAccountViews.CreditRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    if (request.creditAccountNumber() != null
        && !request.creditAccountNumber().equals(accountNumber)) {
      throw malformed("creditAccountNumber must be the account number of the route.");
    }
    Account sub = sub(accountNumber, caller);
    long amount = amount(request.creditAmount(), request.creditAmountCurrency(), sub, "credit");
    String transferId =
        TransferIds.forRequest("bcb-va-credit", caller.clientId().toString(), idempotencyKey);
    String description =
        request.remittanceInformation() != null ? request.remittanceInformation() : "Credit";
    return response(
        virtualAccounts.credit(sub, amount, transferId, description),
        transferId,
        sub,
        amount,
        accounts.settlementOf(sub.customerId(), sub.currency()).orElseThrow(),
        sub,
        request.endToEndIdentification(),
        request.remittanceInformation());
  }

  @RequiresPermission("debit-virtual-account")
  @PostMapping(
      path = "/v1/virtual-accounts/{accountNumber}/transfers/debit",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse debit(
      @PathVariable String accountNumber,
      @RequestBody VirtualAccountViews.DebitRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    if (request.debitAccountNumber() != null
        && !request.debitAccountNumber().equals(accountNumber)) {
      throw malformed("debitAccountNumber must be the account number of the route.");
    }
    Account sub = sub(accountNumber, caller);
    long amount = amount(request.debitAmount(), request.debitAmountCurrency(), sub, "debit");
    String transferId =
        TransferIds.forRequest("bcb-va-debit", caller.clientId().toString(), idempotencyKey);
    String description =
        request.remittanceInformation() != null ? request.remittanceInformation() : "Debit";
    return response(
        virtualAccounts.debit(sub, amount, transferId, description),
        transferId,
        sub,
        amount,
        sub,
        accounts.settlementOf(sub.customerId(), sub.currency()).orElseThrow(),
        request.endToEndIdentification(),
        request.remittanceInformation());
  }

  private TransferResponse response(
      TransferResult result,
      String transferId,
      Account sub,
      long amount,
      Account from,
      Account to,
      String endToEnd,
      String remittance) {
    return TransferResponse.completed(
        result,
        transferId,
        from,
        to,
        amount,
        assets.find(sub.currency()).orElseThrow(),
        clock.instant(),
        endToEnd,
        remittance);
  }

  private Account sub(String accountNumber, Caller caller) {
    Account account = own(accountNumber, caller).account();
    if (account.kind() != AccountKind.SUB) {
      throw new BcbRejections.Refusal(
          400, "BAD_REQUEST", "The route's account must be a Sub account (CMS Sub Acct).");
    }
    if (accounts.settlementOf(account.customerId(), account.currency()).isEmpty()) {
      throw new BcbRejections.Refusal(
          400, "BAD_REQUEST", "No settlement account with matching currency found");
    }
    return account;
  }

  private long amount(
      tools.jackson.databind.JsonNode amount, String currency, Account sub, String side) {
    if (currency == null || !currency.equals(sub.currency())) {
      throw new BcbRejections.Refusal(
          400,
          "CURRENCIES_MUST_MATCH",
          side + "AmountCurrency must be the virtual account's currency (" + sub.currency() + ").");
    }
    String text = JsonAmounts.text(amount);
    if (text == null) {
      throw malformed(side + "Amount is required.");
    }
    try {
      long parsed = Amounts.parse(text, assets.find(currency).orElseThrow());
      if (parsed == 0) {
        throw new BcbRejections.Refusal(
            400, "AMOUNT_MUST_BE_POSITIVE", "The amount must be positive.");
      }
      return parsed;
    } catch (InvalidAmountException invalid) {
      throw BcbRejections.of(invalid);
    }
  }

  private VirtualAccount own(String number, Caller caller) {
    return virtualAccounts
        .find(caller.customerId(), number)
        .orElseThrow(
            () -> new BcbRejections.Refusal(404, "NOT_FOUND", "Virtual account not found"));
  }

  private VirtualAccountViews.VirtualAccount view(VirtualAccount virtualAccount) {
    Account account = virtualAccount.account();
    Asset asset = assets.find(account.currency()).orElseThrow();
    Balance balance = ledger.balance(account.id()).orElseThrow();
    boolean sub = account.kind() == AccountKind.SUB;
    return new VirtualAccountViews.VirtualAccount(
        account.number(),
        AccountViews.type(account.kind()),
        account.currency(),
        new AccountViews.Amount(Amounts.format(balance.posted(), asset), account.currency()),
        account.status().name(),
        virtualAccount.accountHolderName(),
        virtualAccount.accountName(),
        virtualAccount.clientReference(),
        virtualAccount.dob() == null ? null : virtualAccount.dob().toString(),
        virtualAccount.nativeLanguageName(),
        sub ? virtualAccount.unallocated() : null,
        account.kind() == AccountKind.PARENT
            ? null
            : accounts
                .parentOf(account.customerId(), account.currency())
                .map(parent -> new AccountViews.AccountReference(parent.number()))
                .orElse(null),
        account.kind() == AccountKind.SETTLEMENT
            ? null
            : accounts
                .settlementOf(account.customerId(), account.currency())
                .map(settlement -> new AccountViews.AccountReference(settlement.number()))
                .orElse(null));
  }

  private static LocalDate date(String text, String name) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException invalid) {
      throw malformed(name + " must be a date as yyyy-MM-dd.");
    }
  }

  private static void text(String value, String name, int maximum, boolean required) {
    if (value == null) {
      if (required) {
        throw malformed(name + " is required unless the account is unallocated.");
      }
      return;
    }
    if (value.isBlank() || value.length() > maximum) {
      throw malformed(name + " must be 1 to " + maximum + " characters.");
    }
  }

  private static RequestRefused malformed(String message) {
    return new RequestRefused(FailureKind.MALFORMED_REQUEST, message);
  }
}
