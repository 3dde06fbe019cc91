package io.coralbank.dialect.admin;

import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.payments.Payment;
import io.coralbank.payments.PaymentLifecycle;
import io.coralbank.platform.SandboxOnly;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a sandbox operator answer for the simulated network at once: settle or fail a pending
 * payment now, whatever the network planned. In production this controller does not exist (404).
 */
@RestController
@SandboxOnly
class SandboxPaymentsController {

  private final PaymentLifecycle lifecycle;
  private final AssetCatalogue assets;

  SandboxPaymentsController(PaymentLifecycle lifecycle, AssetCatalogue assets) {
    this.lifecycle = lifecycle;
    this.assets = assets;
  }

  @PostMapping(
      path = "/v1/payments/{paymentId}/settle",
      produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentResponse settle(@PathVariable String paymentId) {
    return answer(lifecycle.settleNow(paymentId));
  }

  @PostMapping(path = "/v1/payments/{paymentId}/fail", produces = MediaType.APPLICATION_JSON_VALUE)
  PaymentResponse fail(
      @PathVariable String paymentId, @RequestBody(required = false) PaymentFailRequest request) {
    String reason = request == null ? null : request.reason();
    if (reason != null && (reason.isBlank() || reason.length() > 200)) {
      throw AdminProblem.badRequest(
          "reason_must_be_1_to_200_characters", "reason must be 1 to 200 characters.");
    }
    return answer(lifecycle.failNow(paymentId, reason));
  }

  private PaymentResponse answer(PaymentLifecycle.StepOutcome outcome) {
    Payment payment =
        switch (outcome) {
          case PaymentLifecycle.StepOutcome.Done done -> done.payment();
          case PaymentLifecycle.StepOutcome.NotPending notPending ->
              throw new AdminProblem(
                  409,
                  "payment_not_pending",
                  "The payment is already " + notPending.payment().status().name() + ".");
          case PaymentLifecycle.StepOutcome.NotFound notFound ->
              throw PaymentsController.notFound();
        };
    return PaymentResponse.of(payment, assets);
  }
}
