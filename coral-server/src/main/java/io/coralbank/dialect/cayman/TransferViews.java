package io.coralbank.dialect.cayman;

import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.Payment;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** A core payment as Cayman shows a transfer, in answers and in events alike. */
@Component
class TransferViews {

  private final AssetCatalogue assets;

  TransferViews(AssetCatalogue assets) {
    this.assets = assets;
  }

  TransferView view(Payment payment) {
    Asset asset = assets.find(payment.creditCurrency()).orElseThrow();
    TransferView.Destination destination =
        switch (payment.rail()) {
          case SEPA, SWIFT ->
              new TransferView.Destination(
                  "iban",
                  payment.creditorAccount(),
                  payment.rail().name(),
                  payment.creditorName(),
                  null,
                  null,
                  null);
          case CRYPTO ->
              new TransferView.Destination(
                  "crypto_address",
                  null,
                  null,
                  null,
                  payment.creditorAgent(),
                  payment.creditorAccount(),
                  null);
          case INTERNAL ->
              new TransferView.Destination(
                  "wallet", null, null, null, null, null, payment.creditAccountPublicId());
          case ACH, CARD ->
              new TransferView.Destination(
                  payment.rail().name().toLowerCase(Locale.ROOT),
                  null,
                  null,
                  payment.creditorName(),
                  null,
                  null,
                  null);
        };
    return new TransferView(
        payment.publicId(),
        TransfersController.status(payment.status()),
        CaymanAmounts.format(payment.creditAmount(), asset),
        payment.creditCurrency(),
        payment.debitAccountPublicId(),
        destination,
        payment.externalReference(),
        payment.statusReason(),
        CaymanAmounts.time(payment.createdAt()),
        CaymanAmounts.time(payment.updatedAt()));
  }
}
