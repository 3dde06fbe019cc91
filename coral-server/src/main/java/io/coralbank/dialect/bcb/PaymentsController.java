package io.coralbank.dialect.bcb;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.accounts.Rail;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.payments.OutboundPayments;
import io.coralbank.payments.Payment;
import io.coralbank.payments.PaymentInstruction;
import io.coralbank.payments.PaymentOutcome;
import io.coralbank.payments.PaymentStatus;
import io.coralbank.payments.Payments;
import io.coralbank.web.Caller;
import io.coralbank.web.FailureKind;
import io.coralbank.web.JsonAmounts;
import io.coralbank.web.RequestRefused;
import io.coralbank.web.RequiresPermission;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * BCB's outbound payments: SWIFT (MT103) and local ACH instructions, and their statuses. This class
 * only checks the request's shape and translates; the bank's payment rules, the hold and the
 * network are the core's ({@link OutboundPayments}).
 */
@RestController
class PaymentsController {

  static final String SWIFT_TYPE = "Outward Swift Payment MT103 API";
  static final String ACH_TYPE = "Outward ACH Local Payment API";
  static final Set<String> CHARGES_TYPES = Set.of("OUR", "BEN", "SHA");
  private static final int LINE_LENGTH = 35;

  private final Accounts accounts;
  private final AssetCatalogue assets;
  private final OutboundPayments outboundPayments;
  private final Payments payments;
  private final BcbPageTokens tokens;

  PaymentsController(
      Accounts accounts,
      AssetCatalogue assets,
      OutboundPayments outboundPayments,
      Payments payments,
      BcbPageTokens tokens) {
    this.accounts = accounts;
    this.assets = assets;
    this.outboundPayments = outboundPayments;
    this.payments = payments;
    this.tokens = tokens;
  }

  @RequiresPermission("create-swift-payment")
  @PostMapping(
      path = "/v1/payments/swift",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  PaymentResponse swift(
      @RequestBody SwiftPaymentRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    Instruction common =
        instruction(
            request.instructionIdentification(),
            request.debtorAccount(),
            request.instructedAmount(),
            request.creditorAccount());
    lines(request.creditorAccount().additionalInformation(), "creditorAccount", 0, 4);
    require(request.creditorAgent(), "creditorAgent");
    String creditorAgent = agent(request.creditorAgent(), "creditorAgent");
    String intermediaryAgent =
        request.intermediaryAgent() == null
            ? null
            : agent(request.intermediaryAgent(), "intermediaryAgent");
    if (request.chargesType() == null || !CHARGES_TYPES.contains(request.chargesType())) {
      throw malformed("chargesType must be one of OUR, BEN or SHA.");
    }
    List<String> remittance = lines(request.remittanceInformation(), "remittanceInformation", 0, 4);
    Account debtor = own(common.debtorNumber(), caller);
    PaymentOutcome outcome =
        outboundPayments.send(
            new PaymentInstruction(
                caller.customerId(),
                Rail.SWIFT,
                debtor,
                common.asset().code(),
                common.amount(),
                common.reference(),
                remittance,
                common.creditorAccount(),
                common.creditorName(),
                creditorAgent,
                intermediaryAgent,
                request.chargesType(),
                TransferIds.forRequest("bcb-swift", caller.clientId().toString(), idempotencyKey),
                null,
                null,
                null));
    return response(accepted(outcome));
  }

  @RequiresPermission("create-ach-payment")
  @PostMapping(
      path = "/v1/payments/ach-local",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  PaymentResponse achLocal(
      @RequestBody AchPaymentRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    Instruction common =
        instruction(
            request.instructionIdentification(),
            request.debtorAccount(),
            request.instructedAmount(),
            request.creditorAccount());
    text(request.debitCurrency(), "debitCurrency", 3);
    require(request.creditorBank(), "creditorBank");
    String bankCode = text(request.creditorBank().bankCode(), "creditorBank.bankCode", 35);
    text(request.creditorBank().currency(), "creditorBank.currency", 3);
    List<String> remittance = lines(request.remittanceInformation(), "remittanceInformation", 1, 2);
    if (!request.debitCurrency().equals(common.asset().code())) {
      throw new BcbRejections.Refusal(
          400,
          "CURRENCIES_MUST_MATCH",
          "debitCurrency and instructedAmount.currency must be identical.");
    }
    if (!request.creditorBank().currency().equals(common.asset().code())) {
      throw new BcbRejections.Refusal(
          400,
          "CURRENCIES_MUST_MATCH",
          "creditorBank.currency and instructedAmount.currency must be identical.");
    }
    Account debtor = own(common.debtorNumber(), caller);
    PaymentOutcome outcome =
        outboundPayments.send(
            new PaymentInstruction(
                caller.customerId(),
                Rail.ACH,
                debtor,
                common.asset().code(),
                common.amount(),
                common.reference(),
                remittance,
                common.creditorAccount(),
                common.creditorName(),
                bankCode,
                null,
                null,
                TransferIds.forRequest("bcb-ach", caller.clientId().toString(), idempotencyKey),
                null,
                null,
                null));
    return response(accepted(outcome));
  }

  @RequiresPermission("get-payments")
  @GetMapping(
      path = "/v1/payments/{paymentId}/status",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  PaymentStatusView status(@PathVariable String paymentId, Caller caller) {
    return payments
        .findForCustomer(caller.customerId(), paymentId)
        .map(this::view)
        .orElseThrow(() -> new BcbRejections.Refusal(404, "NOT_FOUND", "Payment not found"));
  }

  @RequiresPermission("get-payments")
  @GetMapping(
      path = "/v1/accounts/{accountNumber}/payments",
      produces = {MediaType.APPLICATION_JSON_VALUE, BcbMediaTypes.TEXT_CSV_VALUE})
  BcbList<PaymentStatusView> ofAccount(
      @PathVariable String accountNumber,
      @RequestParam(required = false) Integer pageStart,
      @RequestParam(required = false) Integer pageSize,
      @RequestParam(required = false) String pageToken,
      Caller caller) {
    Account account = own(accountNumber, caller);
    String fingerprint = "payments:" + caller.customerId() + ":" + account.number();
    BcbPaging paging = BcbPaging.parse(pageStart, pageSize, pageToken, fingerprint, tokens);
    long bound =
        paging.token() != null
            ? paging.token().bound()
            : payments.lastPositionOfAccount(account.id());
    long total = payments.countOfAccount(account.id(), bound);
    List<PaymentStatusView> data =
        payments.pageOfAccount(account.id(), bound, paging.offset(), paging.pageSize()).stream()
            .map(this::view)
            .toList();
    return paging.envelope(data, total, bound, fingerprint, tokens);
  }

  /** What both payment requests carry, checked once for both. */
  private record Instruction(
      String reference,
      String debtorNumber,
      Asset asset,
      long amount,
      String creditorAccount,
      String creditorName) {}

  private Instruction instruction(
      String instructionIdentification,
      SwiftPaymentRequest.DebtorAccount debtorAccount,
      SwiftPaymentRequest.InstructedAmount instructedAmount,
      SwiftPaymentRequest.Party creditorAccount) {
    String reference = text(instructionIdentification, "instructionIdentification", 35);
    require(debtorAccount, "debtorAccount");
    String debtorNumber = text(debtorAccount.identification(), "debtorAccount.identification", 34);
    require(instructedAmount, "instructedAmount");
    Asset asset = currency(assets, instructedAmount.currency(), "instructedAmount.currency");
    long amount = amount(instructedAmount, asset);
    require(creditorAccount, "creditorAccount");
    return new Instruction(
        reference,
        debtorNumber,
        asset,
        amount,
        text(creditorAccount.identification(), "creditorAccount.identification", 34),
        text(creditorAccount.name(), "creditorAccount.name", 140));
  }

  private static Payment accepted(PaymentOutcome outcome) {
    return switch (outcome) {
      case PaymentOutcome.Accepted accepted -> accepted.payment();
      case PaymentOutcome.Refused refused ->
          throw BcbRejections.of(refused.rejection(), refused.detail());
      case PaymentOutcome.LedgerRefused refused -> throw BcbRejections.of(refused.rejection());
    };
  }

  private PaymentResponse response(Payment payment) {
    Asset debit = assets.find(payment.debitCurrency()).orElseThrow();
    Asset credit = assets.find(payment.creditCurrency()).orElseThrow();
    return new PaymentResponse(
        payment.id(),
        "success",
        status(payment.status()),
        payment.uniqueIdentifier(),
        new PaymentResponse.Details(
            new AccountViews.Amount(
                Amounts.format(payment.creditAmount(), credit), payment.creditCurrency()),
            payment.debitCurrency(),
            new AccountViews.Amount(
                Amounts.format(payment.debitAmount(), debit), payment.debitCurrency()),
            new AccountViews.AccountReference(payment.debitAccountNumber()),
            new AccountViews.AccountReference(payment.creditorAccount()),
            payment.valueDate().toString(),
            rate(payment.exchangeRate()),
            payment.externalReference(),
            payment.remittanceInformation()),
        List.of());
  }

  private PaymentStatusView view(Payment payment) {
    Asset debit = assets.find(payment.debitCurrency()).orElseThrow();
    Asset credit = assets.find(payment.creditCurrency()).orElseThrow();
    return new PaymentStatusView(
        switch (payment.rail()) {
          case SWIFT -> SWIFT_TYPE;
          case ACH -> ACH_TYPE;
          // A customer's wallets are its accounts too; their transfers show under BCB's names.
          case SEPA -> "Outward SEPA Credit Transfer";
          case CRYPTO -> "Outward Crypto Transfer";
          case CARD -> "Card Payment";
          case INTERNAL -> "Internal Transfer";
        },
        status(payment.status()),
        payment.id(),
        payment.externalReference(),
        String.join(" ", payment.remittanceInformation()),
        new AccountViews.Amount(
            Amounts.format(payment.debitAmount(), debit), payment.debitCurrency()),
        new AccountViews.Amount(
            Amounts.format(payment.creditAmount(), credit), payment.creditCurrency()),
        payment.valueDate().toString(),
        rate(payment.exchangeRate()),
        payment.statusReason());
  }

  static String status(PaymentStatus status) {
    return switch (status) {
      case PENDING -> "Pending";
      case COMPLETED -> "Completed";
      case FAILED -> "Failed";
      case REVERSED -> "Reversed";
      case CANCELED -> "Cancelled";
    };
  }

  private static String rate(BigDecimal rate) {
    return rate == null ? null : rate.stripTrailingZeros().toPlainString();
  }

  private Account own(String accountNumber, Caller caller) {
    return accounts
        .findForCustomer(caller.customerId(), accountNumber)
        .orElseThrow(() -> new BcbRejections.Refusal(404, "NOT_FOUND", "Account not found"));
  }

  static Asset currency(AssetCatalogue assets, String code, String name) {
    text(code, name, 3);
    boolean iso =
        Currency.getAvailableCurrencies().stream()
            .anyMatch(currency -> currency.getCurrencyCode().equals(code));
    return assets
        .find(code)
        .filter(asset -> iso)
        .orElseThrow(() -> malformed(name + " must be an ISO 4217 currency code the bank holds."));
  }

  static long amount(SwiftPaymentRequest.InstructedAmount instructed, Asset asset) {
    String text = JsonAmounts.text(instructed.amount());
    if (text == null) {
      throw malformed("instructedAmount.amount is required.");
    }
    long amount;
    try {
      amount = Amounts.parse(text, asset);
    } catch (InvalidAmountException invalid) {
      throw BcbRejections.of(invalid);
    }
    if (amount == 0) {
      throw new BcbRejections.Refusal(
          400, "AMOUNT_MUST_BE_POSITIVE", "instructedAmount.amount must be positive.");
    }
    return amount;
  }

  /** An agent is named by its identifier (a BIC) or, without one, by name and details. */
  static String agent(SwiftPaymentRequest.Party agent, String name) {
    String identification = agent.identification();
    if (identification != null && !identification.isBlank()) {
      lines(agent.additionalInformation(), name, 0, 4);
      return text(identification, name + ".identification", 35);
    }
    String agentName = text(agent.name(), name + ".name", 140);
    if (agent.additionalInformation() == null || agent.additionalInformation().isEmpty()) {
      throw malformed(
          name + ".additionalInformation is required when " + name + ".identification is absent.");
    }
    lines(agent.additionalInformation(), name + ".additionalInformation", 1, 4);
    return agentName;
  }

  static List<String> lines(List<String> lines, String name, int minimum, int maximum) {
    List<String> given = lines == null ? List.of() : lines;
    if (given.size() < minimum || given.size() > maximum) {
      throw malformed(
          name
              + " must have "
              + (minimum == 0 ? "at most " + maximum : minimum + " to " + maximum)
              + " lines.");
    }
    for (String line : given) {
      if (line == null || line.isBlank() || line.length() > LINE_LENGTH) {
        throw malformed(
            name + " lines must not be blank and must be at most " + LINE_LENGTH + " characters.");
      }
    }
    return List.copyOf(given);
  }

  static String text(String value, String name, int maximumLength) {
    if (value == null || value.isBlank()) {
      throw malformed(name + " is required.");
    }
    if (value.length() > maximumLength) {
      throw malformed(name + " must be at most " + maximumLength + " characters.");
    }
    return value;
  }

  /**
   * The free text of a transfer between accounts of the bank. BCB documents no lengths for them;
   * Coral takes ISO 20022's, whose names they carry: an end-to-end identification of at most 35
   * characters, unstructured remittance information of at most 140. Both are optional.
   */
  static void checkTransferTexts(String endToEndIdentification, String remittanceInformation) {
    if (endToEndIdentification != null && endToEndIdentification.length() > 35) {
      throw malformed("endToEndIdentification must be at most 35 characters.");
    }
    if (remittanceInformation != null && remittanceInformation.length() > 140) {
      throw malformed("remittanceInformation must be at most 140 characters.");
    }
  }

  static void require(Object value, String name) {
    if (value == null) {
      throw malformed(name + " is required.");
    }
  }

  static RequestRefused malformed(String message) {
    return new RequestRefused(FailureKind.MALFORMED_REQUEST, message);
  }
}
