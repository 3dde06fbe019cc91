package io.coralbank.dialect.cayman;

import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.payments.PaymentRejection;

/**
 * How Cayman answers each refusal of the core, in its documented codes where it has one ({@code
 * insufficient_funds}, {@code validation_error}). Exhaustive switches without {@code default}: a
 * new rejection does not compile until Cayman has decided its answer.
 */
final class CaymanRejections {

  private CaymanRejections() {}

  static CaymanRefusal of(Rejection rejection) {
    return switch (rejection) {
      // 422: the request is well formed but the balance cannot carry it. 402 is reserved by HTTP
      // for future use, so Coral does not rely on it.
      case INSUFFICIENT_FUNDS ->
          new CaymanRefusal(422, "insufficient_funds", "The wallet's balance is too low.");
      case DEBIT_ACCOUNT_MUST_EXIST -> CaymanRefusal.notFound("No such wallet.");
      case CREDIT_ACCOUNT_MUST_EXIST ->
          CaymanRefusal.invalid("destination.wallet_id does not name a wallet.");
      case ACCOUNTS_MUST_DIFFER ->
          CaymanRefusal.invalid("The destination must differ from the source wallet.");
      case CURRENCIES_MUST_MATCH ->
          CaymanRefusal.invalid("The destination wallet holds another currency.");
      case DEBIT_ACCOUNT_MUST_BE_ACTIVE ->
          new CaymanRefusal(422, "wallet_not_active", "The source wallet is not active.");
      case CREDIT_ACCOUNT_MUST_BE_ACTIVE ->
          new CaymanRefusal(422, "wallet_not_active", "The destination wallet is not active.");
      case AMOUNT_MUST_BE_POSITIVE -> CaymanRefusal.invalid("Invalid amount: it must be positive.");
      case FLOW_NOT_ALLOWED_SUB_TO_SUB,
          FLOW_NOT_ALLOWED_SETTLEMENT_TO_SUB_DIRECTLY,
          FLOW_NOT_ALLOWED_SUB_TO_SETTLEMENT_DIRECTLY,
          PARENT_MUST_NET_TO_ZERO ->
          CaymanRefusal.invalid(
              "Money cannot move this way between virtual accounts: " + rejection.code() + ".");
      case EXISTS_WITH_DIFFERENT_TYPE,
          EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT,
          EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT,
          EXISTS_WITH_DIFFERENT_CURRENCY,
          EXISTS_WITH_DIFFERENT_AMOUNT,
          EXISTS_WITH_DIFFERENT_EXPIRY,
          EXISTS_WITH_DIFFERENT_HOLD ->
          new CaymanRefusal(
              409,
              "idempotency_key_reused",
              "This Idempotency-Key was used for a transfer with other details.");
      case HOLD_MUST_EXIST,
          LINKED_TRANSFER_FAILED,
          LINKED_CHAIN_MUST_BE_CLOSED,
          ID_MUST_BE_PRESENT,
          HOLD_ALREADY_POSTED,
          HOLD_ALREADY_VOIDED,
          HOLD_EXPIRED,
          HOLD_NOT_YET_EXPIRED,
          EXPIRY_MUST_BE_IN_THE_FUTURE,
          POST_AMOUNT_MUST_NOT_EXCEED_HOLD,
          BALANCE_WOULD_OVERFLOW ->
          new CaymanRefusal(
              422, "transfer_refused", "The transfer was refused: " + rejection.code() + ".");
    };
  }

  static CaymanRefusal of(PaymentRejection rejection) {
    return switch (rejection) {
      case RAIL_MUST_CARRY_THE_CURRENCY ->
          CaymanRefusal.invalid(
              "The destination cannot receive this currency (SEPA carries EUR; bitcoin carries"
                  + " BTC; ethereum carries ETH, USDC and USDT).");
      case DEBIT_CURRENCY_MUST_MATCH_INSTRUCTED_CURRENCY ->
          CaymanRefusal.invalid("currency must be the source wallet's currency.");
      case CREDITOR_BANK_MUST_BE_REACHABLE ->
          CaymanRefusal.invalid("The destination bank cannot be reached.");
      case EXCHANGE_RATE_MUST_BE_KNOWN,
          LARGE_EXCHANGE_MUST_BE_QUOTED_BY_THE_DEALING_DESK,
          CONVERTED_AMOUNT_MUST_BE_POSITIVE ->
          CaymanRefusal.invalid("Transfers do not convert currencies.");
    };
  }
}
