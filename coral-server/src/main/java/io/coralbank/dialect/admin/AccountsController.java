package io.coralbank.dialect.admin;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.AccountOpening;
import io.coralbank.accounts.Accounts;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.ledger.Balance;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.ledger.TransferResult;
import io.coralbank.payments.InboundPayments;
import io.coralbank.web.JsonAmounts;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opens accounts, reads them with their balances, and credits them from an external bank. */
@RestController
class AccountsController {

  /** The kinds the admin contract lets an operator open; the others have their own dialects. */
  static final Set<AccountKind> OPENABLE =
      EnumSet.of(
          AccountKind.SETTLEMENT, AccountKind.PARENT, AccountKind.CURRENT, AccountKind.WALLET);

  private final Accounts accounts;
  private final LedgerReader ledger;
  private final InboundPayments inbound;
  private final AssetCatalogue assets;

  AccountsController(
      Accounts accounts, LedgerReader ledger, InboundPayments inbound, AssetCatalogue assets) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.inbound = inbound;
    this.assets = assets;
  }

  @PostMapping(
      path = "/v1/customers/{customerId}/accounts",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  AccountResponse open(@PathVariable String customerId, @RequestBody AccountRequest request) {
    UUID customer =
        CustomersController.parseId(customerId)
            .orElseThrow(() -> CustomersController.customerNotFound(customerId));
    if (request.currency() == null || request.currency().isBlank()) {
      throw AdminProblem.badRequest("currency_required", "currency is required.");
    }
    AccountKind kind =
        OPENABLE.stream()
            .filter(candidate -> candidate.name().equals(request.kind()))
            .findFirst()
            .orElseThrow(
                () ->
                    AdminProblem.badRequest(
                        "kind_must_be_settlement_parent_current_or_wallet",
                        "kind must be one of SETTLEMENT, PARENT, CURRENT, WALLET."));
    return switch (accounts.openCustomerAccount(
        customer, request.currency(), kind, request.label())) {
      case AccountOpening.Opened opened -> render(opened.account(), null);
      case AccountOpening.Refused refused -> throw AdminRejections.of(refused.rejection());
    };
  }

  @GetMapping(path = "/v1/accounts/{accountNumber}", produces = MediaType.APPLICATION_JSON_VALUE)
  AccountResponse find(@PathVariable String accountNumber) {
    Account account = account(accountNumber);
    Balance balance = ledger.balance(account.id()).orElseThrow();
    Asset asset = asset(account);
    return render(
        account,
        new AccountResponse.BalanceResponse(
            Amounts.format(balance.posted(), asset),
            Amounts.format(balance.pendingDebits(), asset),
            Amounts.format(balance.pendingCredits(), asset),
            Amounts.format(balance.available(), asset)));
  }

  @PostMapping(
      path = "/v1/accounts/{accountNumber}/credits",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  CreditResponse credit(
      @PathVariable String accountNumber,
      @RequestBody CreditRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    Account account = account(accountNumber);
    Asset asset = asset(account);
    long amount;
    try {
      amount = Amounts.parse(JsonAmounts.text(request.amount()), asset);
    } catch (InvalidAmountException invalid) {
      throw AdminRejections.of(invalid);
    }
    String transferId = TransferIds.forRequest("admin-credit", account.number(), idempotencyKey);
    TransferResult result = inbound.credit(account, amount, request.reference(), transferId);
    return switch (result) {
      case TransferResult.Applied applied ->
          new CreditResponse(
              applied.transactionId(),
              account.number(),
              Amounts.format(amount, asset),
              account.currency());
      case TransferResult.AlreadyApplied exists ->
          new CreditResponse(
              exists.transactionId(),
              account.number(),
              Amounts.format(amount, asset),
              account.currency());
      case TransferResult.Rejected rejected -> throw AdminRejections.of(rejected.rejection());
    };
  }

  private Account account(String accountNumber) {
    return accounts
        .findByNumber(accountNumber)
        .orElseThrow(
            () ->
                AdminProblem.notFound(
                    "account_not_found", "No account has the number " + accountNumber + "."));
  }

  private Asset asset(Account account) {
    return assets.find(account.currency()).orElseThrow();
  }

  private static AccountResponse render(Account account, AccountResponse.BalanceResponse balance) {
    return new AccountResponse(
        account.number(),
        account.customerId() == null ? null : account.customerId().toString(),
        account.currency(),
        account.kind().name(),
        account.status().name(),
        account.label(),
        balance);
  }
}
