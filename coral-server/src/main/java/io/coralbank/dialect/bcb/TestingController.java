package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.ledger.TransferResult;
import io.coralbank.payments.InboundPayments;
import io.coralbank.payments.PaymentLifecycle;
import io.coralbank.payments.Payments;
import io.coralbank.platform.SandboxOnly;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.JsonAmounts;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * BCB's sandbox testing endpoints: money from "an external bank" into one of the caller's accounts
 * (a Sub account too; subscribers get the Deposits notification), and a pending payment settled or
 * failed now. In production the controller does not exist, so the paths are 404.
 */
@RestController
@SandboxOnly
class TestingController {

  record DepositRequest(String accountNumber, JsonNode amount, String reference) {}

  record Deposit(String transactionId, String accountNumber, AccountViews.Amount amount) {}

  record FailRequest(String reason) {}

  record PaymentState(String transactionId, String status, String statusReason) {}

  private final Accounts accounts;
  private final InboundPayments inbound;
  private final AssetCatalogue assets;
  private final Payments payments;
  private final PaymentLifecycle lifecycle;

  TestingController(
      Accounts accounts,
      InboundPayments inbound,
      AssetCatalogue assets,
      Payments payments,
      PaymentLifecycle lifecycle) {
    this.accounts = accounts;
    this.inbound = inbound;
    this.assets = assets;
    this.payments = payments;
    this.lifecycle = lifecycle;
  }

  @RequiresPermission("use-testing-endpoints")
  @PostMapping(
      path = "/v1/testing/deposits",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  @ResponseStatus(HttpStatus.CREATED)
  Deposit deposit(
      @RequestBody DepositRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    Account account =
        accounts
            .findForCustomer(caller.customerId(), request.accountNumber())
            .orElseThrow(() -> new BcbRejections.Refusal(404, "NOT_FOUND", "Account not found"));
    Asset asset = assets.find(account.currency()).orElseThrow();
    String text = JsonAmounts.text(request.amount());
    if (text == null) {
      throw new RequestRefused(FailureKind.MALFORMED_REQUEST, "amount is required.");
    }
    long amount;
    try {
      amount = Amounts.parse(text, asset);
    } catch (InvalidAmountException invalid) {
      throw BcbRejections.of(invalid);
    }
    TransferResult result =
        inbound.credit(
            account,
            amount,
            request.reference() == null ? "Test deposit" : request.reference(),
            TransferIds.forRequest(
                "bcb-testing-deposit", caller.clientId().toString(), idempotencyKey));
    String transactionId =
        switch (result) {
          case TransferResult.Applied applied -> applied.transactionId();
          case TransferResult.AlreadyApplied exists -> exists.transactionId();
          case TransferResult.Rejected rejected -> throw BcbRejections.of(rejected.rejection());
        };
    return new Deposit(
        transactionId,
        account.number(),
        new AccountViews.Amount(Amounts.format(amount, asset), asset.code()));
  }

  @RequiresPermission("use-testing-endpoints")
  @PostMapping(
      path = "/v1/testing/payments/{paymentId}/settle",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  PaymentState settle(@PathVariable String paymentId, Caller caller) {
    own(paymentId, caller);
    return state(lifecycle.settleNow(paymentId));
  }

  @RequiresPermission("use-testing-endpoints")
  @PostMapping(
      path = "/v1/testing/payments/{paymentId}/fail",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  PaymentState fail(
      @PathVariable String paymentId,
      @RequestBody(required = false) FailRequest request,
      Caller caller) {
    own(paymentId, caller);
    String reason = request == null ? null : request.reason();
    if (reason != null && (reason.isBlank() || reason.length() > 200)) {
      throw new RequestRefused(
          FailureKind.MALFORMED_REQUEST, "reason must be 1 to 200 characters.");
    }
    return state(lifecycle.failNow(paymentId, reason));
  }

  private void own(String paymentId, Caller caller) {
    if (payments.findForCustomer(caller.customerId(), paymentId).isEmpty()) {
      throw new BcbRejections.Refusal(404, "NOT_FOUND", "Payment not found");
    }
  }

  private static PaymentState state(PaymentLifecycle.StepOutcome outcome) {
    return switch (outcome) {
      case PaymentLifecycle.StepOutcome.Done done ->
          new PaymentState(
              done.payment().id(),
              PaymentsController.status(done.payment().status()),
              done.payment().statusReason());
      case PaymentLifecycle.StepOutcome.NotPending notPending ->
          throw new BcbRejections.Refusal(
              409,
              "CONFLICT",
              "The payment is no longer pending: "
                  + PaymentsController.status(notPending.payment().status())
                  + ".");
      case PaymentLifecycle.StepOutcome.NotFound notFound ->
          throw new BcbRejections.Refusal(404, "NOT_FOUND", "Payment not found");
    };
  }
}
