package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.JsonAmounts;
import io.coralbank.web.LedgerTransfersOnly;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.time.Clock;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Moves money from one of the caller's accounts to any customer account of the bank, in one
 * currency. The credit account may belong to another customer (that is what an internal transfer
 * is), and nothing about it beyond its number is revealed.
 */
@RestController
class InternalTransfersController {

  private final Accounts accounts;
  private final Ledger ledger;
  private final AssetCatalogue assets;
  private final Clock clock;

  InternalTransfersController(
      Accounts accounts, Ledger ledger, AssetCatalogue assets, Clock clock) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.assets = assets;
    this.clock = clock;
  }

  @RequiresPermission("create-internal-transfer")
  @LedgerTransfersOnly
  @PostMapping(
      path = "/v1/internal-transfers",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse transfer(
      @RequestBody InternalTransferRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    require(request.debitAccountNumber(), "debitAccountNumber");
    require(request.debitAmountCurrency(), "debitAmountCurrency");
    require(request.creditAccountNumber(), "creditAccountNumber");
    require(request.creditAmountCurrency(), "creditAmountCurrency");
    PaymentsController.checkTransferTexts(request.endToEndIdentification(), request.remittance());
    Accounts.TransferAccounts named =
        accounts.findTransferAccounts(
            caller.customerId(), request.debitAccountNumber(), request.creditAccountNumber());
    Account debit =
        named
            .debit()
            .orElseThrow(() -> new BcbRejections.Refusal(404, "NOT_FOUND", "Account not found"));
    Account credit =
        named
            .credit()
            .orElseThrow(() -> new BcbRejections.Refusal(404, "NOT_FOUND", "Account not found"));
    if (!request.debitAmountCurrency().equals(request.creditAmountCurrency())) {
      throw new BcbRejections.Refusal(
          400,
          "CURRENCIES_MUST_MATCH",
          "Transfers between accounts with different currencies are not allowed.");
    }
    Asset asset =
        assets
            .find(request.debitAmountCurrency())
            .orElseThrow(
                () ->
                    new RequestRefused(
                        FailureKind.MALFORMED_REQUEST, "debitAmountCurrency is not a currency."));
    long amount;
    try {
      amount = Amounts.parse(JsonAmounts.text(request.debitAmount()), asset);
    } catch (InvalidAmountException invalid) {
      throw BcbRejections.of(invalid);
    }
    String transferId =
        TransferIds.forRequest("bcb-internal", caller.clientId().toString(), idempotencyKey);
    TransferResult result =
        ledger.submit(
            new TransferRequest(
                new TransferCommand.Posting(
                    transferId, debit.id(), credit.id(), asset.code(), amount, false),
                null,
                request.remittance()));
    return TransferResponse.completed(
        result,
        transferId,
        debit,
        credit,
        amount,
        asset,
        clock.instant(),
        request.endToEndIdentification(),
        request.remittance());
  }

  private static void require(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new RequestRefused(FailureKind.MALFORMED_REQUEST, name + " is required.");
    }
  }
}
