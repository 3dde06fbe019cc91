package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.events.WebhookEndpoints;
import io.coralbank.events.WebhookUrls;
import io.coralbank.identity.ApiClients;
import io.coralbank.jobs.Job;
import io.coralbank.jobs.Jobs;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.Balance;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.platform.CoralProperties;
import io.coralbank.virtualaccounts.VirtualAccount;
import io.coralbank.virtualaccounts.VirtualAccountItem;
import io.coralbank.virtualaccounts.VirtualAccounts;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.GlobalRateLimit;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import jakarta.servlet.http.HttpServletRequest;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's virtual-account service: Sub accounts opened by a background job, the hierarchy listed and
 * read, client references and once-only names updated. Money through the Parent is {@link
 * VirtualAccountTransfersController}'s, what moved is {@link
 * VirtualAccountTransactionsController}'s, and money leaving the hierarchy is {@link
 * VirtualAccountPaymentsController}'s. The rules are the core's ({@link VirtualAccounts}) and the
 * kernel's.
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
  private final WebhookEndpoints endpoints;
  private final ApiClients clients;
  private final CoralProperties coral;

  VirtualAccountsController(
      WebhookEndpoints endpoints,
      ApiClients clients,
      CoralProperties coral,
      VirtualAccounts virtualAccounts,
      Jobs jobs,
      Accounts accounts,
      LedgerReader ledger,
      AssetCatalogue assets,
      BcbPageTokens tokens) {
    this.virtualAccounts = virtualAccounts;
    this.jobs = jobs;
    this.accounts = accounts;
    this.ledger = ledger;
    this.assets = assets;
    this.tokens = tokens;
    this.endpoints = endpoints;
    this.clients = clients;
    this.coral = coral;
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
    Map<String, String> headers = BcbCustomHeaders.checked(request.customHeaders());
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

  private VirtualAccount own(String number, Caller caller) {
    return own(virtualAccounts, number, caller);
  }

  /** The caller's Settlement, Parent or Sub account with this number; 404 for any other. */
  static VirtualAccount own(VirtualAccounts virtualAccounts, String number, Caller caller) {
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
