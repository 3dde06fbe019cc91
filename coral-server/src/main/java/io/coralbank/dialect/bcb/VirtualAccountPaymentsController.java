package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.accounts.Rail;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.TransferResult;
import io.coralbank.payments.OutboundPayments;
import io.coralbank.payments.Payment;
import io.coralbank.payments.PaymentInstruction;
import io.coralbank.payments.PaymentOutcome;
import io.coralbank.virtualaccounts.VirtualAccount;
import io.coralbank.virtualaccounts.VirtualAccounts;
import io.coralbank.web.Caller;
import io.coralbank.web.LedgerTransfersOnly;
import io.coralbank.web.RequiresPermission;
import java.time.Clock;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Money leaving a customer's hierarchy: a Sub account's withdrawal to a same-name external
 * beneficiary (OTWT, over the SWIFT rail), and the Settlement account's settlements to a
 * counterparty, external (over the rail) or internal (OTST). External legs are payments like any
 * other: held at once, then settled or failed by the simulated network, with their status at {@code
 * GET /v1/payments/{id}/status}.
 */
@RestController
class VirtualAccountPaymentsController {

  /**
   * The external withdrawal and settlement body; {@code debtor} is a string (v1) or object (v2).
   */
  record ExternalRequest(
      String debitCurrency,
      SwiftPaymentRequest.InstructedAmount creditAmount,
      SwiftPaymentRequest.InstructedAmount debitAmount,
      String creditAccountNumber,
      JsonNode debtor,
      String debtorAgent,
      SwiftPaymentRequest.Party creditorAccount,
      String chargesType,
      SwiftPaymentRequest.Party creditorAgent,
      SwiftPaymentRequest.Party intermediaryAgent,
      List<String> remittanceInformation) {}

  /** The internal settlement body, with the internal transfers' names. */
  record InternalRequest(
      String creditAccountNumber,
      String debitAmountCurrency,
      JsonNode debitAmount,
      String endToEndIdentification,
      String remittanceInformation) {}

  private final VirtualAccounts virtualAccounts;
  private final Accounts accounts;
  private final OutboundPayments outboundPayments;
  private final AssetCatalogue assets;
  private final Clock clock;

  VirtualAccountPaymentsController(
      VirtualAccounts virtualAccounts,
      Accounts accounts,
      OutboundPayments outboundPayments,
      AssetCatalogue assets,
      Clock clock) {
    this.virtualAccounts = virtualAccounts;
    this.accounts = accounts;
    this.outboundPayments = outboundPayments;
    this.assets = assets;
    this.clock = clock;
  }

  @RequiresPermission("withdraw-virtual-account")
  @PostMapping(
      path = "/v1/virtual-accounts/{virtualAccountId}/withdrawals/external",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse withdraw(
      @PathVariable String virtualAccountId,
      @RequestBody ExternalRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    return withdrawal(virtualAccountId, request, false, idempotencyKey, caller);
  }

  @RequiresPermission("withdraw-virtual-account")
  @PostMapping(
      path = "/v2/virtual-accounts/{virtualAccountId}/withdrawals/external",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse withdrawV2(
      @PathVariable String virtualAccountId,
      @RequestBody ExternalRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    return withdrawal(virtualAccountId, request, true, idempotencyKey, caller);
  }

  private TransferResponse withdrawal(
      String number, ExternalRequest request, boolean structuredDebtor, String key, Caller caller) {
    VirtualAccount sub =
        virtualAccounts
            .find(caller.customerId(), number)
            .filter(found -> found.account().kind() == AccountKind.SUB)
            .orElseThrow(
                () -> new BcbRejections.Refusal(404, "NOT_FOUND", "Virtual account not found"));
    checkShape(request, structuredDebtor);
    if (!virtualAccounts.isSameName(sub, request.creditorAccount().name())) {
      throw new BcbRejections.Refusal(
          400,
          "BENEFICIARY_NAME_MUST_MATCH_ACCOUNT_HOLDER",
          "A Sub account pays out only to a beneficiary of the account holder's own name"
              + " (creditorAccount.name).");
    }
    return external(sub.account(), request, "bcb-va-withdrawal", key, caller);
  }

  @RequiresPermission("withdraw-virtual-account")
  @LedgerTransfersOnly
  @PostMapping(
      path = "/v1/virtual-accounts/{virtualAccountId}/withdrawals/internal",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse withdrawInternally(
      @PathVariable String virtualAccountId,
      @RequestBody InternalRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    VirtualAccount sub =
        virtualAccounts
            .find(caller.customerId(), virtualAccountId)
            .filter(found -> found.account().kind() == AccountKind.SUB)
            .orElseThrow(
                () -> new BcbRejections.Refusal(404, "NOT_FOUND", "Virtual account not found"));
    PaymentsController.text(request.creditAccountNumber(), "creditAccountNumber", 36);
    PaymentsController.checkTransferTexts(
        request.endToEndIdentification(), request.remittanceInformation());
    long amount = internalAmount(sub.account(), request);
    String transferId =
        TransferIds.forRequest(
            "bcb-va-withdraw-internal", caller.clientId().toString(), idempotencyKey);
    return switch (virtualAccounts.withdrawInternally(
        sub,
        request.creditAccountNumber(),
        amount,
        transferId,
        request.remittanceInformation() == null ? "Withdrawal" : request.remittanceInformation())) {
      case VirtualAccounts.InternalWithdrawal.Done done ->
          completed(done.result(), transferId, sub.account(), done.destination(), amount, request);
      case VirtualAccounts.InternalWithdrawal.DestinationNotFound notFound ->
          throw new BcbRejections.Refusal(404, "NOT_FOUND", "Account not found");
      case VirtualAccounts.InternalWithdrawal.NotSameName notSameName ->
          throw new BcbRejections.Refusal(
              400,
              "BENEFICIARY_NAME_MUST_MATCH_ACCOUNT_HOLDER",
              "A Sub account pays out only to an account of the account holder's own name.");
    };
  }

  private long internalAmount(Account source, InternalRequest request) {
    if (!source.currency().equals(request.debitAmountCurrency())) {
      throw new BcbRejections.Refusal(
          400,
          "CURRENCIES_MUST_MATCH",
          "Transfers between accounts with different currencies are not allowed.");
    }
    Asset asset = assets.find(source.currency()).orElseThrow();
    return PaymentsController.amount(
        new SwiftPaymentRequest.InstructedAmount(asset.code(), request.debitAmount()), asset);
  }

  private TransferResponse completed(
      TransferResult result,
      String transferId,
      Account from,
      Account to,
      long amount,
      InternalRequest request) {
    return TransferResponse.completed(
        result,
        transferId,
        from,
        to,
        amount,
        assets.find(from.currency()).orElseThrow(),
        clock.instant(),
        request.endToEndIdentification(),
        request.remittanceInformation());
  }

  @RequiresPermission("settle-virtual-account")
  @PostMapping(
      path = "/v1/virtual-accounts/{settlementAccountNumber}/settlements/external",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse settleExternally(
      @PathVariable String settlementAccountNumber,
      @RequestBody ExternalRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    Account settlement = settlement(settlementAccountNumber, caller);
    checkShape(request, false);
    return external(settlement, request, "bcb-va-settlement", idempotencyKey, caller);
  }

  @RequiresPermission("settle-virtual-account")
  @LedgerTransfersOnly
  @PostMapping(
      path = "/v1/virtual-accounts/{settlementAccountNumber}/settlements/internal",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  TransferResponse settleInternally(
      @PathVariable String settlementAccountNumber,
      @RequestBody InternalRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    Account settlement = settlement(settlementAccountNumber, caller);
    PaymentsController.text(request.creditAccountNumber(), "creditAccountNumber", 36);
    PaymentsController.checkTransferTexts(
        request.endToEndIdentification(), request.remittanceInformation());
    Account counterparty =
        accounts
            .findCustomerAccount(request.creditAccountNumber())
            .orElseThrow(() -> new BcbRejections.Refusal(404, "NOT_FOUND", "Account not found"));
    long amount = internalAmount(settlement, request);
    String transferId =
        TransferIds.forRequest(
            "bcb-va-settle-internal", caller.clientId().toString(), idempotencyKey);
    return completed(
        virtualAccounts.settleInternally(
            settlement,
            counterparty,
            amount,
            transferId,
            request.remittanceInformation() == null
                ? "Settlement"
                : request.remittanceInformation()),
        transferId,
        settlement,
        counterparty,
        amount,
        request);
  }

  private Account settlement(String number, Caller caller) {
    return accounts
        .findForCustomer(caller.customerId(), number)
        .filter(account -> account.kind() == AccountKind.SETTLEMENT)
        .orElseThrow(
            () -> new BcbRejections.Refusal(404, "NOT_FOUND", "Settlement account not found"));
  }

  /** Every field limit of BCB's reference page. */
  private static void checkShape(ExternalRequest request, boolean structuredDebtor) {
    JsonNode debtor = request.debtor();
    if (structuredDebtor) {
      if (debtor == null || !debtor.isObject()) {
        throw PaymentsController.malformed("debtor must be {\"name\", \"additionalInformation\"}.");
      }
      PaymentsController.text(
          debtor.path("name").isString() ? debtor.path("name").asString() : null,
          "debtor.name",
          35);
      JsonNode lines = debtor.path("additionalInformation");
      if (!lines.isMissingNode() && !lines.isNull()) {
        if (!lines.isArray()) {
          throw PaymentsController.malformed("debtor.additionalInformation must be a list.");
        }
        PaymentsController.lines(
            lines.valueStream().map(line -> line.isString() ? line.asString() : null).toList(),
            "debtor.additionalInformation",
            0,
            3);
      }
    } else {
      PaymentsController.text(
          debtor != null && debtor.isString() ? debtor.asString() : null, "debtor", 35);
    }
    if (request.debtorAgent() != null) {
      PaymentsController.text(request.debtorAgent(), "debtorAgent", 35);
    }
    if (request.creditAccountNumber() != null) {
      PaymentsController.text(request.creditAccountNumber(), "creditAccountNumber", 36);
    }
    PaymentsController.require(request.creditorAccount(), "creditorAccount");
    PaymentsController.text(
        request.creditorAccount().identification(), "creditorAccount.identification", 35);
    if (request.creditorAccount().name() != null) {
      PaymentsController.text(request.creditorAccount().name(), "creditorAccount.name", 140);
    }
    PaymentsController.lines(
        request.creditorAccount().additionalInformation(), "creditorAccount", 0, 4);
    if (request.chargesType() == null
        || !PaymentsController.CHARGES_TYPES.contains(request.chargesType())) {
      throw PaymentsController.malformed("chargesType must be one of OUR, BEN or SHA.");
    }
    PaymentsController.require(request.creditorAgent(), "creditorAgent");
    PaymentsController.agent(request.creditorAgent(), "creditorAgent");
    if (request.intermediaryAgent() != null) {
      PaymentsController.agent(request.intermediaryAgent(), "intermediaryAgent");
    }
    PaymentsController.lines(request.remittanceInformation(), "remittanceInformation", 0, 4);
    PaymentsController.require(request.creditAmount(), "creditAmount");
  }

  /**
   * The payment out of {@code source}: same currency ({@code debitCurrency} and {@code
   * creditAmount} with its amount), or cross-currency with the debit authoritative ({@code
   * debitAmount}, and only {@code creditAmount.currency}): the bank quotes the rate and the
   * credited amount, and the payment uses that quote.
   */
  private TransferResponse external(
      Account source, ExternalRequest request, String purpose, String key, Caller caller) {
    Asset sourceAsset = assets.find(source.currency()).orElseThrow();
    Asset credit =
        PaymentsController.currency(
            assets, request.creditAmount().currency(), "creditAmount.currency");
    String transferId = TransferIds.forRequest(purpose, caller.clientId().toString(), key);
    LongFunction<PaymentInstruction> instruction =
        amount ->
            new PaymentInstruction(
                caller.customerId(),
                Rail.SWIFT,
                source,
                credit.code(),
                amount,
                "VA-" + source.number(),
                request.remittanceInformation() == null
                    ? List.of()
                    : List.copyOf(request.remittanceInformation()),
                request.creditorAccount().identification(),
                request.creditorAccount().name(),
                PaymentsController.agent(request.creditorAgent(), "creditorAgent"),
                request.intermediaryAgent() == null
                    ? null
                    : PaymentsController.agent(request.intermediaryAgent(), "intermediaryAgent"),
                request.chargesType(),
                transferId,
                null,
                null,
                source.kind() == AccountKind.SETTLEMENT ? VirtualAccounts.SETTLEMENT_CODE : null);
    PaymentOutcome outcome;
    if (request.debitAmount() == null) {
      if (request.debitCurrency() == null
          || !request.debitCurrency().equals(source.currency())
          || !credit.equals(sourceAsset)) {
        throw new BcbRejections.Refusal(
            400,
            "CURRENCIES_MUST_MATCH",
            "debitCurrency and creditAmount.currency must be the account's currency ("
                + source.currency()
                + "); send debitAmount for a cross-currency withdrawal.");
      }
      outcome =
          outboundPayments.send(
              instruction.apply(PaymentsController.amount(request.creditAmount(), credit)));
    } else {
      if (!source.currency().equals(request.debitAmount().currency())
          || credit.equals(sourceAsset)) {
        throw new BcbRejections.Refusal(
            400,
            "CURRENCIES_MUST_MATCH",
            "debitAmount.currency must be the account's currency and creditAmount.currency"
                + " another one.");
      }
      if (request.creditAmount().amount() != null && !request.creditAmount().amount().isNull()) {
        throw PaymentsController.malformed(
            "With debitAmount, send only creditAmount.currency: the bank assigns the rate and the"
                + " credited amount.");
      }
      outcome =
          outboundPayments.sendConverting(
              caller.customerId(),
              sourceAsset,
              credit,
              PaymentsController.amount(request.debitAmount(), sourceAsset),
              instruction);
    }
    Payment payment =
        switch (outcome) {
          case PaymentOutcome.Accepted accepted -> accepted.payment();
          case PaymentOutcome.Refused refused ->
              throw BcbRejections.of(refused.rejection(), refused.detail());
          case PaymentOutcome.LedgerRefused refused -> throw BcbRejections.of(refused.rejection());
        };
    return new TransferResponse(
        payment.id(),
        PaymentsController.status(payment.status()),
        payment.uniqueIdentifier(),
        new TransferResponse.Details(
            new AccountViews.Amount(
                Amounts.format(payment.creditAmount(), credit), payment.creditCurrency()),
            payment.debitCurrency(),
            new AccountViews.AccountReference(source.number()),
            new AccountViews.AccountReference(payment.creditorAccount()),
            payment.valueDate().toString(),
            null,
            String.join(" ", payment.remittanceInformation())),
        List.of());
  }
}
