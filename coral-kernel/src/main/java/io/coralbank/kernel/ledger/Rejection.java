package io.coralbank.kernel.ledger;

import java.util.Locale;

/**
 * Why a transfer was refused, declared in precedence order: a transfer with several faults gets the
 * first that applies. Names read as the rule that was broken.
 *
 * <p>A repeated transfer id with identical fields is not a rejection but {@link
 * TransferOutcome.AlreadyApplied}; in precedence it sits between {@link
 * #EXISTS_WITH_DIFFERENT_HOLD} and {@link #DEBIT_ACCOUNT_MUST_EXIST}, so a retry is recognised
 * before anything about the accounts' present state is checked.
 */
public enum Rejection {
  /** Another transfer in the same linked chain was refused, so this one was not applied. */
  LINKED_TRANSFER_FAILED,
  /** The last transfer of a submission is marked linked, so the chain never closes. */
  LINKED_CHAIN_MUST_BE_CLOSED,
  /**
   * A Parent is only passed through: every leg into it is linked to a leg of the same amount out of
   * it in the same chain, Settlement -> Parent -> Sub or Sub -> Parent -> Settlement, all of one
   * hierarchy, so its balance stays zero. The chain's shape is checked before its members.
   */
  PARENT_MUST_NET_TO_ZERO,
  /** Every transfer needs a non-blank id; ids are what make retries safe. */
  ID_MUST_BE_PRESENT,
  /** Transfers and partial posts move a positive number of minor units. */
  AMOUNT_MUST_BE_POSITIVE,
  /** Money cannot move from an account to itself. */
  ACCOUNTS_MUST_DIFFER,
  /** The id was used before for another kind of transfer (posting, hold, post or void). */
  EXISTS_WITH_DIFFERENT_TYPE,
  /** The id was used before with another debit account. */
  EXISTS_WITH_DIFFERENT_DEBIT_ACCOUNT,
  /** The id was used before with another credit account. */
  EXISTS_WITH_DIFFERENT_CREDIT_ACCOUNT,
  /** The id was used before with another currency. */
  EXISTS_WITH_DIFFERENT_CURRENCY,
  /** The id was used before with another amount. */
  EXISTS_WITH_DIFFERENT_AMOUNT,
  /** The id was used before for a hold with another expiry. */
  EXISTS_WITH_DIFFERENT_EXPIRY,
  /** The id was used before to post or void another hold. */
  EXISTS_WITH_DIFFERENT_HOLD,
  /** No account has the debit account's id. */
  DEBIT_ACCOUNT_MUST_EXIST,
  /** No account has the credit account's id. */
  CREDIT_ACCOUNT_MUST_EXIST,
  /** No hold has the id a post or void names. */
  HOLD_MUST_EXIST,
  /** The transfer's currency and both accounts' currencies must be the same. */
  CURRENCIES_MUST_MATCH,
  /** The debit account is frozen or closed. */
  DEBIT_ACCOUNT_MUST_BE_ACTIVE,
  /** The credit account is frozen or closed. */
  CREDIT_ACCOUNT_MUST_BE_ACTIVE,
  /** Sub -> Sub is not a permitted virtual-account flow, whatever the currencies. */
  FLOW_NOT_ALLOWED_SUB_TO_SUB,
  /** Settlement -> Sub must go through the Parent: Settlement -> Parent -> Sub. */
  FLOW_NOT_ALLOWED_SETTLEMENT_TO_SUB_DIRECTLY,
  /** Sub -> Settlement must go through the Parent: Sub -> Parent -> Settlement. */
  FLOW_NOT_ALLOWED_SUB_TO_SETTLEMENT_DIRECTLY,
  /** The hold was already posted; a hold resolves at most once. */
  HOLD_ALREADY_POSTED,
  /** The hold was already voided; a hold resolves at most once. */
  HOLD_ALREADY_VOIDED,
  /** The hold reached its expiry time; its money is released and it can no longer be posted. */
  HOLD_EXPIRED,
  /** Only a hold whose expiry time has passed can be expired. */
  HOLD_NOT_YET_EXPIRED,
  /** A hold must expire after the moment it is placed. */
  EXPIRY_MUST_BE_IN_THE_FUTURE,
  /** A hold can be posted for at most the amount it holds. */
  POST_AMOUNT_MUST_NOT_EXCEED_HOLD,
  /** A balance would leave the range of a 64-bit count of minor units. */
  BALANCE_WOULD_OVERFLOW,
  /** The debit account's available balance would fall below its floor. */
  INSUFFICIENT_FUNDS;

  /** The rule's name as it appears on the wire: {@code insufficient_funds}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
