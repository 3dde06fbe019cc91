package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.ledger.TransferResult;
import io.coralbank.virtualaccounts.VirtualAccounts;
import io.coralbank.web.Caller;
import io.coralbank.web.JsonAmounts;
import io.coralbank.web.LedgerTransfersOnly;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Money along the two permitted paths through the Parent: Settlement -> Parent -> Sub (credit,
 * ACRT) and Sub -> Parent -> Settlement (debit, ADBT), each one linked ledger chain.
 */
@RestController
class VirtualAccountTransfersController {

  private final VirtualAccounts virtualAccounts;
  private final Accounts accounts;
  private final AssetCatalogue assets;
  private final Clock clock;

  VirtualAccountTransfersController(
      VirtualAccounts virtualAccounts, Accounts accounts, AssetCatalogue assets, Clock clock) {
    this.virtualAccounts = virtualAccounts;
    this.accounts = accounts;
    this.assets = assets;
    this.clock = clock;
  }

  @RequiresPermission("credit-virtual-account")
  @LedgerTransfersOnly
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
    PaymentsController.checkTransferTexts(
        request.endToEndIdentification(), request.remittanceInformation());
    SubAndSettlement route = sub(accountNumber, caller);
    Account sub = route.sub();
    long amount = amount(request.creditAmount(), request.creditAmountCurrency(), sub, "credit");
    String transferId =
        TransferIds.forRequest("bcb-va-credit", caller.clientId().toString(), idempotencyKey);
    String description =
        request.remittanceInformation() != null ? request.remittanceInformation() : "Credit";
    return response(
        virtualAccounts.credit(sub, route.hierarchy(), amount, transferId, description),
        transferId,
        sub,
        amount,
        route.settlement(),
        sub,
        request.endToEndIdentification(),
        request.remittanceInformation());
  }

  @RequiresPermission("debit-virtual-account")
  @LedgerTransfersOnly
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
    PaymentsController.checkTransferTexts(
        request.endToEndIdentification(), request.remittanceInformation());
    SubAndSettlement route = sub(accountNumber, caller);
    Account sub = route.sub();
    long amount = amount(request.debitAmount(), request.debitAmountCurrency(), sub, "debit");
    String transferId =
        TransferIds.forRequest("bcb-va-debit", caller.clientId().toString(), idempotencyKey);
    String description =
        request.remittanceInformation() != null ? request.remittanceInformation() : "Debit";
    return response(
        virtualAccounts.debit(sub, route.hierarchy(), amount, transferId, description),
        transferId,
        sub,
        amount,
        sub,
        route.settlement(),
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

  /**
   * The route's Sub account of the caller, the Settlement account its money moves with, and the
   * hierarchy (Settlement and Parent) as read once for the ledger chain.
   */
  private record SubAndSettlement(Account sub, Account settlement, Accounts.Hierarchy hierarchy) {}

  private SubAndSettlement sub(String accountNumber, Caller caller) {
    Account account =
        virtualAccounts
            .findAccount(caller.customerId(), accountNumber)
            .orElseThrow(
                () -> new BcbRejections.Refusal(404, "NOT_FOUND", "Virtual account not found"));
    if (account.kind() != AccountKind.SUB) {
      throw new BcbRejections.Refusal(
          400, "BAD_REQUEST", "The route's account must be a Sub account (CMS Sub Acct).");
    }
    Accounts.Hierarchy hierarchy = accounts.hierarchyOf(account.customerId(), account.currency());
    Account settlement =
        hierarchy
            .settlement()
            .orElseThrow(
                () ->
                    new BcbRejections.Refusal(
                        400, "BAD_REQUEST", "No settlement account with matching currency found"));
    return new SubAndSettlement(account, settlement, hierarchy);
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

  private static RequestRefused malformed(String message) {
    return PaymentsController.malformed(message);
  }
}
