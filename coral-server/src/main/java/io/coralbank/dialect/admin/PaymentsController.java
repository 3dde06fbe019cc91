package io.coralbank.dialect.admin;

import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.Payments;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of any customer's outbound payment. */
@RestController
class PaymentsController {

  private final Payments payments;
  private final AssetCatalogue assets;

  PaymentsController(Payments payments, AssetCatalogue assets) {
    this.payments = payments;
    this.assets = assets;
  }

  @GetMapping(path = "/v1/payments/{paymentId}", produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentResponse payment(@PathVariable String paymentId) {
    return payments
        .find(paymentId)
        .map(payment -> PaymentResponse.of(payment, assets))
        .orElseThrow(PaymentsController::notFound);
  }

  static AdminProblem notFound() {
    return AdminProblem.notFound("payment_not_found", "No payment has this id.");
  }
}
