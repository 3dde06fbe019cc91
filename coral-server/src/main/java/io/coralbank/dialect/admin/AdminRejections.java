package io.coralbank.dialect.admin;

import io.coralbank.accounts.AccountOpeningRejection;
import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.money.InvalidAmountException;
import java.util.Locale;

/**
 * How the admin API answers each refusal of the core. Every switch is exhaustive without {@code
 * default}: a new rejection does not compile until the admin API has decided its status.
 */
final class AdminRejections {

  private AdminRejections() {}

  static AdminProblem of(Rejection rejection) {
    int status =
        switch (rejection) {
          case ID_MUST_BE_PRESENT, AMOUNT_MUST_BE_POSITIVE, ACCOUNTS_MUST_DIFFER -> 400;
          case DEBIT_ACCOUNT_MUST_EXIST, CREDIT_ACCOUNT_MUST_EXIST, HOLD_MUST_EXIST -> 404;
          case EXISTS_WITH_DIFFERENT_TYPE,
              EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT,
              EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT,
              EXISTS_WITH_DIFFERENT_CURRENCY,
              EXISTS_WITH_DIFFERENT_AMOUNT,
              EXISTS_WITH_DIFFERENT_EXPIRY,
              EXISTS_WITH_DIFFERENT_HOLD ->
              409;
          case LINKED_TRANSFER_FAILED,
              LINKED_CHAIN_MUST_BE_CLOSED,
              CURRENCIES_MUST_MATCH,
              DEBIT_ACCOUNT_MUST_BE_ACTIVE,
              CREDIT_ACCOUNT_MUST_BE_ACTIVE,
              FLOW_NOT_ALLOWED_SUB_TO_SUB,
              FLOW_NOT_ALLOWED_SETTLEMENT_TO_SUB_DIRECTLY,
              FLOW_NOT_ALLOWED_SUB_TO_SETTLEMENT_DIRECTLY,
              PARENT_MUST_NET_TO_ZERO,
              HOLD_ALREADY_POSTED,
              HOLD_ALREADY_VOIDED,
              HOLD_EXPIRED,
              HOLD_NOT_YET_EXPIRED,
              EXPIRY_MUST_BE_IN_THE_FUTURE,
              POST_AMOUNT_MUST_NOT_EXCEED_HOLD,
              BALANCE_WOULD_OVERFLOW,
              INSUFFICIENT_FUNDS ->
              422;
        };
    return new AdminProblem(
        status, rejection.code(), "The ledger refused the transfer: " + rejection.code() + ".");
  }

  static AdminProblem of(AccountOpeningRejection rejection) {
    return switch (rejection) {
      case CUSTOMER_MUST_EXIST ->
          new AdminProblem(404, "customer_not_found", "No customer has this id.");
      case CURRENCY_MUST_BE_SUPPORTED ->
          new AdminProblem(400, rejection.code(), "The currency is not one the bank holds.");
      case KIND_MUST_BE_A_CUSTOMER_KIND ->
          new AdminProblem(400, rejection.code(), "Bank-side kinds cannot be opened here.");
      case ONE_SETTLEMENT_ACCOUNT_PER_CURRENCY ->
          new AdminProblem(
              409,
              rejection.code(),
              "The customer already has a SETTLEMENT account in this currency.");
      case ONE_PARENT_ACCOUNT_PER_CURRENCY ->
          new AdminProblem(
              409, rejection.code(), "The customer already has a PARENT account in this currency.");
      case PARENT_ACCOUNT_MUST_EXIST ->
          new AdminProblem(
              400,
              rejection.code(),
              "No parent account with matching currency found: open the SETTLEMENT and PARENT"
                  + " accounts first.");
    };
  }

  static AdminProblem of(InvalidAmountException invalid) {
    String code = invalid.reason().name().toLowerCase(Locale.ROOT);
    return switch (invalid.reason()) {
      case AMOUNT_MUST_NOT_BE_BLANK,
          AMOUNT_MUST_NOT_USE_AN_EXPONENT,
          AMOUNT_MUST_NOT_HAVE_A_SIGN,
          AMOUNT_MUST_BE_A_DECIMAL_NUMBER,
          AMOUNT_HAS_TOO_MANY_DECIMALS,
          AMOUNT_IS_TOO_LARGE ->
          AdminProblem.badRequest(code, invalid.getMessage() + ".");
    };
  }
}
