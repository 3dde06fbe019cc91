package io.coralbank.dialect.bcb;

import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.payments.PaymentRejection;
import java.util.Locale;

/**
 * How BCB answers each refusal of the core: {@code {"error": "<RULE>", "message": "..."}} with the
 * rule's name in BCB's upper-snake style. Every switch is exhaustive without {@code default}, so a
 * new rejection does not compile until BCB has decided its answer.
 */
final class BcbRejections {

  private BcbRejections() {}

  /** A refusal rendered as BCB's error body. */
  static final class Refusal extends RuntimeException {
    private final int status;
    private final BcbErrorResponse body;

    Refusal(int status, String error, String message) {
      super(message, null, false, false);
      this.status = status;
      this.body = new BcbErrorResponse(error, message);
    }

    int status() {
      return status;
    }

    BcbErrorResponse body() {
      return body;
    }
  }

  static Refusal of(Rejection rejection) {
    String code = rejection.name();
    return switch (rejection) {
      case DEBIT_ACCOUNT_MUST_EXIST, CREDIT_ACCOUNT_MUST_EXIST, HOLD_MUST_EXIST ->
          new Refusal(404, "NOT_FOUND", "Account not found");
      case EXISTS_WITH_DIFFERENT_TYPE,
          EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT,
          EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT,
          EXISTS_WITH_DIFFERENT_CURRENCY,
          EXISTS_WITH_DIFFERENT_AMOUNT,
          EXISTS_WITH_DIFFERENT_EXPIRY,
          EXISTS_WITH_DIFFERENT_HOLD ->
          new Refusal(
              409, code, "Conflict detected: this transfer was made before with other details.");
      case CURRENCIES_MUST_MATCH ->
          new Refusal(
              400, code, "Transfers between accounts with different currencies are not allowed.");
      case INSUFFICIENT_FUNDS ->
          new Refusal(400, code, "The debit account does not have sufficient funds.");
      case DEBIT_ACCOUNT_MUST_BE_ACTIVE ->
          new Refusal(400, code, "The debit account is not active.");
      case CREDIT_ACCOUNT_MUST_BE_ACTIVE ->
          new Refusal(400, code, "The credit account is not active.");
      case ACCOUNTS_MUST_DIFFER ->
          new Refusal(400, code, "The debit and credit accounts must differ.");
      case AMOUNT_MUST_BE_POSITIVE -> new Refusal(400, code, "The amount must be positive.");
      case FLOW_NOT_ALLOWED_SUB_TO_SUB ->
          new Refusal(400, code, "Sub -> Sub is not a permitted VAS flow.");
      case FLOW_NOT_ALLOWED_SETTLEMENT_TO_SUB_DIRECTLY ->
          new Refusal(
              400,
              code,
              "Settlement -> Sub directly is not a permitted VAS flow: credit the Sub account"
                  + " (Settlement -> Parent -> Sub) with POST"
                  + " /v1/virtual-accounts/{accountNumber}/transfers/credit.");
      case FLOW_NOT_ALLOWED_SUB_TO_SETTLEMENT_DIRECTLY ->
          new Refusal(
              400,
              code,
              "Sub -> Settlement directly is not a permitted VAS flow: debit the Sub account"
                  + " (Sub -> Parent -> Settlement) with POST"
                  + " /v1/virtual-accounts/{accountNumber}/transfers/debit.");
      case PARENT_MUST_NET_TO_ZERO ->
          new Refusal(
              400,
              code,
              "A Parent account only passes money between its Settlement and Sub accounts.");
      case LINKED_TRANSFER_FAILED,
          LINKED_CHAIN_MUST_BE_CLOSED,
          ID_MUST_BE_PRESENT,
          HOLD_ALREADY_POSTED,
          HOLD_ALREADY_VOIDED,
          HOLD_EXPIRED,
          HOLD_NOT_YET_EXPIRED,
          EXPIRY_MUST_BE_IN_THE_FUTURE,
          POST_AMOUNT_MUST_NOT_EXCEED_HOLD,
          BALANCE_WOULD_OVERFLOW ->
          new Refusal(400, code, "The transfer was refused: " + rejection.code() + ".");
    };
  }

  /**
   * @param detail the dealing desk's referral id for a large exchange; otherwise unused
   */
  static Refusal of(PaymentRejection rejection, String detail) {
    return switch (rejection) {
      case RAIL_MUST_CARRY_THE_CURRENCY ->
          new Refusal(
              400, "CURRENCY_NOT_SUPPORTED", "Only USD and BMD are accepted for ACH payments.");
      case DEBIT_CURRENCY_MUST_MATCH_INSTRUCTED_CURRENCY ->
          new Refusal(
              400,
              "CURRENCIES_MUST_MATCH",
              "The debtor account's currency must be the instructed currency for ACH payments.");
      case CREDITOR_BANK_MUST_BE_REACHABLE ->
          new Refusal(
              400,
              "BANK_REFERENCE_NOT_FOUND",
              "creditorBank does not match a bank reachable by local ACH in that currency.");
      case EXCHANGE_RATE_MUST_BE_KNOWN ->
          new Refusal(
              400,
              "FX_RATE_NOT_AVAILABLE",
              "No exchange rate is available for this currency pair.");
      case CONVERTED_AMOUNT_MUST_BE_POSITIVE ->
          new Refusal(400, "AMOUNT_MUST_BE_POSITIVE", "debitAmount converts to nothing.");
      case LARGE_EXCHANGE_MUST_BE_QUOTED_BY_THE_DEALING_DESK ->
          new Refusal(
              400,
              "FX_REFERRED_TO_DEALING_DESK",
              "Amounts above the automatic limit are priced by the dealing desk. The request was"
                  + " referred as "
                  + detail
                  + "; fetch its quote with GET /v1/fx-referrals/"
                  + detail
                  + " and send the payment again within the quote's expiry.");
    };
  }

  static Refusal of(InvalidAmountException invalid) {
    return switch (invalid.reason()) {
      case AMOUNT_MUST_NOT_BE_BLANK,
          AMOUNT_MUST_NOT_USE_AN_EXPONENT,
          AMOUNT_MUST_NOT_HAVE_A_SIGN,
          AMOUNT_MUST_BE_A_DECIMAL_NUMBER,
          AMOUNT_HAS_TOO_MANY_DECIMALS,
          AMOUNT_IS_TOO_LARGE ->
          new Refusal(
              400, invalid.reason().name().toUpperCase(Locale.ROOT), invalid.getMessage() + ".");
    };
  }
}
