package io.coralbank.dialect.bcb;

import tools.jackson.databind.JsonNode;

/**
 * {@code POST /v1/internal-transfers}, with BCB's field names. {@code debitAmount} may be a string
 * or a number; the remittance text may come as {@code remittanceInformation} or, as BCB's own
 * sample sends it, {@code remittanceInformationUnstructured}.
 */
public record InternalTransferRequest(
    String debitAccountNumber,
    String debitAmountCurrency,
    String creditAccountNumber,
    String creditAmountCurrency,
    JsonNode debitAmount,
    String endToEndIdentification,
    String remittanceInformation,
    String remittanceInformationUnstructured) {

  String remittance() {
    return remittanceInformation != null
        ? remittanceInformation
        : remittanceInformationUnstructured;
  }
}
