package io.coralbank.dialect.bcb;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/payments/swift}, with the field names of BCB's sample. {@code
 * instructedAmount.amount} may be a string or a number.
 */
public record SwiftPaymentRequest(
    String instructionIdentification,
    DebtorAccount debtorAccount,
    InstructedAmount instructedAmount,
    Party creditorAccount,
    Party creditorAgent,
    Party intermediaryAgent,
    String chargesType,
    List<String> remittanceInformation) {

  public record DebtorAccount(String identification) {}

  public record InstructedAmount(String currency, JsonNode amount) {}

  /** An account or a bank: an identifier, a name and free lines of detail. */
  public record Party(String identification, String name, List<String> additionalInformation) {}
}
