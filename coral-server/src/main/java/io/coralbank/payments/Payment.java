package io.coralbank.payments;

import io.coralbank.accounts.Rail;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An outbound payment as it stands.
 *
 * @param id the ledger transaction that placed the payment's hold; BCB's payment id
 * @param publicId the id a dialect shows instead (Cayman's {@code tr_...}), or null
 * @param uniqueIdentifier the transfer id of the hold: what made the request idempotent
 * @param debitAccountNumber the debtor's account number
 * @param debitAccountPublicId the debtor account's public id (a wallet's), or null
 * @param exchangeRate units of the credit currency per unit of the debit currency; null when both
 *     are the same
 * @param creditorAgent the beneficiary's bank (a BIC, a bank code or a name) or crypto network
 * @param creditAccountPublicId for an internal payment into a wallet, the wallet's public id
 * @param statusReason why the payment failed or was returned; null otherwise
 */
public record Payment(
    String id,
    String publicId,
    String uniqueIdentifier,
    UUID customerId,
    Rail rail,
    PaymentStatus status,
    String debitAccountNumber,
    String debitAccountPublicId,
    String debitCurrency,
    long debitAmount,
    String creditCurrency,
    long creditAmount,
    BigDecimal exchangeRate,
    String externalReference,
    List<String> remittanceInformation,
    String creditorAccount,
    String creditorName,
    String creditorAgent,
    String intermediaryAgent,
    String chargesType,
    String creditAccountPublicId,
    LocalDate valueDate,
    String statusReason,
    Instant createdAt,
    Instant updatedAt) {}
