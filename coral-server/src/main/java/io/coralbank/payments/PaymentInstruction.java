package io.coralbank.payments;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Rail;
import java.util.List;
import java.util.UUID;

/**
 * A customer's instruction to send money out of the bank, already checked for shape by its dialect.
 *
 * @param debtorAccount the customer's own account the money leaves
 * @param instructedCurrency the currency the beneficiary receives
 * @param instructedAmount minor units of {@code instructedCurrency} the beneficiary receives
 * @param transferId the ledger transfer id of the hold; the same id again moves nothing twice
 */
public record PaymentInstruction(
    UUID customerId,
    Rail rail,
    Account debtorAccount,
    String instructedCurrency,
    long instructedAmount,
    String externalReference,
    List<String> remittanceInformation,
    String creditorAccount,
    String creditorName,
    String creditorAgent,
    String intermediaryAgent,
    String chargesType,
    String transferId) {}
