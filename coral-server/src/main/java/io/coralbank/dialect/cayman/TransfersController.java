package io.coralbank.dialect.cayman;

import com.github.f4b6a3.ulid.UlidCreator;
import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.accounts.Rail;
import io.coralbank.idempotency.TransferIds;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.OutboundPayments;
import io.coralbank.payments.Payment;
import io.coralbank.payments.PaymentInstruction;
import io.coralbank.payments.PaymentLifecycle;
import io.coralbank.payments.PaymentOutcome;
import io.coralbank.payments.PaymentStatus;
import io.coralbank.payments.Payments;
import io.coralbank.rails.CryptoAddresses;
import io.coralbank.rails.Ibans;
import io.coralbank.web.Caller;
import io.coralbank.web.RequiresPermission;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cayman's transfers out of a wallet: to an IBAN (SEPA or SWIFT), to a crypto address, or to
 * another wallet of the bank. This class checks the request's shape and translates; the hold, the
 * network and the lifecycle are the core's ({@link OutboundPayments}, {@link PaymentLifecycle}).
 */
@RestController
class TransfersController {

  static final String PREFIX = "tr_";

  private final Accounts accounts;
  private final AssetCatalogue assets;
  private final OutboundPayments outboundPayments;
  private final PaymentLifecycle lifecycle;
  private final Payments payments;
  private final TransferViews views;

  TransfersController(
      TransferViews views,
      Accounts accounts,
      AssetCatalogue assets,
      OutboundPayments outboundPayments,
      PaymentLifecycle lifecycle,
      Payments payments) {
    this.accounts = accounts;
    this.assets = assets;
    this.outboundPayments = outboundPayments;
    this.lifecycle = lifecycle;
    this.payments = payments;
    this.views = views;
  }

  @RequiresPermission("transfers:write")
  @PostMapping(
      path = "/v1/transfers",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  TransferView create(
      @RequestBody TransferRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Caller caller) {
    Asset asset = CaymanAmounts.asset(assets, request.currency(), "currency");
    long amount = CaymanAmounts.parse(request.amount(), asset);
    if (request.reference() != null && request.reference().length() > 140) {
      throw CaymanRefusal.invalid("reference must be at most 140 characters.");
    }
    TransferRequest.Destination destination = request.destination();
    if (destination == null || destination.type() == null) {
      throw CaymanRefusal.invalid(
          "destination with a type (iban, crypto_address or wallet) is required.");
    }
    Rail rail;
    String creditorAccount;
    String creditorName = null;
    String creditorAgent = null;
    Account creditWallet = null;
    switch (destination.type()) {
      case "iban" -> {
        creditorAccount =
            Ibans.normalize(destination.iban())
                .orElseThrow(() -> CaymanRefusal.invalid("Invalid IBAN"));
        rail =
            switch (destination.system() == null ? "" : destination.system()) {
              case "SEPA" -> Rail.SEPA;
              case "SWIFT" -> Rail.SWIFT;
              default -> throw CaymanRefusal.invalid("destination.system must be SEPA or SWIFT.");
            };
        if (destination.name() != null
            && (destination.name().isBlank() || destination.name().length() > 140)) {
          throw CaymanRefusal.invalid("destination.name must be 1 to 140 characters.");
        }
        creditorName = destination.name();
      }
      case "crypto_address" -> {
        String network = destination.network() == null ? "" : destination.network();
        boolean valid =
            switch (network) {
              case "bitcoin" -> CryptoAddresses.isBitcoin(destination.address());
              case "ethereum" -> CryptoAddresses.isEthereum(destination.address());
              default ->
                  throw CaymanRefusal.invalid("destination.network must be bitcoin or ethereum.");
            };
        if (!valid) {
          throw CaymanRefusal.invalid("Invalid " + network + " address");
        }
        rail = Rail.CRYPTO;
        creditorAccount = destination.address();
        creditorAgent = network;
      }
      case "wallet" -> {
        creditWallet =
            accounts
                .findWallet(destination.walletId())
                .orElseThrow(
                    () -> CaymanRefusal.invalid("destination.wallet_id does not name a wallet."));
        rail = Rail.INTERNAL;
        creditorAccount = creditWallet.publicId();
      }
      default ->
          throw CaymanRefusal.invalid("destination.type must be iban, crypto_address or wallet.");
    }
    Account source = source(request.sourceWallet(), asset, caller);
    PaymentOutcome outcome =
        outboundPayments.send(
            new PaymentInstruction(
                caller.customerId(),
                rail,
                source,
                asset.code(),
                amount,
                request.reference(),
                List.of(),
                creditorAccount,
                creditorName,
                creditorAgent,
                null,
                null,
                TransferIds.forRequest(
                    "cayman-transfer", caller.clientId().toString(), idempotencyKey),
                creditWallet,
                PREFIX + UlidCreator.getMonotonicUlid(),
                null));
    return switch (outcome) {
      case PaymentOutcome.Accepted accepted -> views.view(accepted.payment());
      case PaymentOutcome.Refused refused -> throw CaymanRejections.of(refused.rejection());
      case PaymentOutcome.LedgerRefused refused -> throw CaymanRejections.of(refused.rejection());
    };
  }

  private Account source(String sourceWallet, Asset asset, Caller caller) {
    if (sourceWallet == null) {
      return accounts
          .defaultWallet(caller.customerId(), asset.code())
          .orElseThrow(() -> CaymanRefusal.invalid("You have no wallet in " + asset.code() + "."));
    }
    Account wallet =
        accounts
            .findWalletForCustomer(caller.customerId(), sourceWallet)
            .orElseThrow(() -> CaymanRefusal.notFound("No such wallet: " + sourceWallet));
    if (!wallet.currency().equals(asset.code())) {
      throw CaymanRefusal.invalid("currency must be the source wallet's currency.");
    }
    return wallet;
  }

  @RequiresPermission("transfers:read")
  @GetMapping(path = "/v1/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
  CaymanList<TransferView> list(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String currency,
      @RequestParam(name = "created[gte]", required = false) String createdFrom,
      @RequestParam(name = "created[lte]", required = false) String createdTo,
      Caller caller) {
    int size = CaymanList.limit(limit);
    if (cursor != null && !payments.isPublicIdOfCustomer(caller.customerId(), cursor)) {
      throw CaymanRefusal.invalid("cursor is not one of your transfers.");
    }
    Payments.Filter filter =
        new Payments.Filter(
            status == null ? null : status(status),
            currency == null ? null : CaymanAmounts.asset(assets, currency, "currency").code(),
            instant(createdFrom, "created[gte]"),
            instant(createdTo, "created[lte]"));
    return CaymanList.of(
        payments.pageOfCustomer(caller.customerId(), filter, cursor, size + 1),
        size,
        views::view,
        Payment::publicId);
  }

  @RequiresPermission("transfers:read")
  @GetMapping(path = "/v1/transfers/{transferId}", produces = MediaType.APPLICATION_JSON_VALUE)
  TransferView transfer(@PathVariable String transferId, Caller caller) {
    return views.view(own(transferId, caller));
  }

  @RequiresPermission("transfers:write")
  @PostMapping(
      path = "/v1/transfers/{transferId}/cancel",
      produces = MediaType.APPLICATION_JSON_VALUE)
  TransferView cancel(@PathVariable String transferId, Caller caller) {
    Payment payment = own(transferId, caller);
    return switch (lifecycle.cancel(caller.customerId(), payment.id())) {
      case PaymentLifecycle.StepOutcome.Done done -> views.view(done.payment());
      case PaymentLifecycle.StepOutcome.NotPending notPending ->
          throw new CaymanRefusal(
              409,
              "transfer_not_pending",
              "Only a PENDING transfer can be canceled; this one is "
                  + status(notPending.payment().status())
                  + ".");
      case PaymentLifecycle.StepOutcome.NotFound notFound ->
          throw CaymanRefusal.notFound("No such transfer: " + transferId);
    };
  }

  private Payment own(String transferId, Caller caller) {
    return payments
        .findByPublicIdForCustomer(caller.customerId(), transferId)
        .orElseThrow(() -> CaymanRefusal.notFound("No such transfer: " + transferId));
  }

  private static PaymentStatus status(String text) {
    return switch (text) {
      case "PENDING" -> PaymentStatus.PENDING;
      case "COMPLETED" -> PaymentStatus.COMPLETED;
      case "FAILED" -> PaymentStatus.FAILED;
      case "CANCELED" -> PaymentStatus.CANCELED;
      case "RETURNED" -> PaymentStatus.REVERSED;
      default ->
          throw CaymanRefusal.invalid(
              "status must be PENDING, COMPLETED, FAILED, CANCELED or RETURNED.");
    };
  }

  static String status(PaymentStatus status) {
    return switch (status) {
      case PENDING -> "PENDING";
      case COMPLETED -> "COMPLETED";
      case FAILED -> "FAILED";
      case CANCELED -> "CANCELED";
      case REVERSED -> "RETURNED";
    };
  }

  private static Instant instant(String text, String name) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException invalid) {
      throw CaymanRefusal.invalid(
          name + " must be a UTC ISO-8601 time, e.g. 2026-03-02T00:00:00Z.");
    }
  }
}
