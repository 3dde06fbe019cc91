package io.coralbank.dialect.cayman;

import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.PaymentIntent;

/** A core payment intent as Cayman shows it, in answers and in events alike. */
final class PaymentIntentViews {

  private PaymentIntentViews() {}

  static PaymentIntentView view(PaymentIntent intent, String clientSecret, AssetCatalogue assets) {
    PaymentIntentView.PaymentMethod method =
        intent.paymentMethodType() == null
            ? null
            : new PaymentIntentView.PaymentMethod(
                intent.paymentMethodType(),
                intent.cardLast4() == null
                    ? null
                    : new PaymentIntentView.Card(intent.cardBrand(), intent.cardLast4()));
    return new PaymentIntentView(
        intent.id(),
        intent.status().name(),
        CaymanAmounts.format(intent.amount(), assets.find(intent.currency()).orElseThrow()),
        intent.currency(),
        intent.description(),
        intent.metadata(),
        method,
        intent.failureReason(),
        clientSecret,
        CaymanAmounts.time(intent.createdAt()),
        CaymanAmounts.time(intent.updatedAt()));
  }
}
