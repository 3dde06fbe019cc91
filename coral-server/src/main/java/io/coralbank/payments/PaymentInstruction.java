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
 * @param creditorAgent the beneficiary's bank (a BIC, an ACH bank code, a SEPA or SWIFT system) or,
 *     for crypto, the network ({@code bitcoin}, {@code ethereum})
 * @param transferId the ledger transfer id of the hold; the same id again moves nothing twice
 * @param creditAccount for an {@link Rail#INTERNAL} payment, the bank's account that receives it;
 *     otherwise null
 * @param publicId the id the dialect shows for this payment (Cayman's {@code tr_...}), or null
 * @param transactionCode the journal's code for the payment (BCB's {@code OTST} for a settlement);
 *     null for {@link OutboundPayments#OUTWARD_TRANSFER_CODE}
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
    String transferId,
    Account creditAccount,
    String publicId,
    String transactionCode) {}
