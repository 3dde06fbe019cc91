package io.coralbank.accounts;

/**
 * What an account is for. Customer kinds belong to a customer and may not go below their floor;
 * bank-side kinds belong to the bank and may go negative (a clearing account is negative by the
 * amount the bank owes through that rail).
 */
public enum AccountKind {
  SETTLEMENT(false),
  PARENT(false),
  SUB(false),
  CURRENT(false),
  WALLET(false),
  CARD_FUNDING(false),
  CLEARING(true),
  FX_LIQUIDITY(true),
  FEE_INCOME(true),
  SUSPENSE(true);

  private final boolean bankSide;

  AccountKind(boolean bankSide) {
    this.bankSide = bankSide;
  }

  public boolean isBankSide() {
    return bankSide;
  }
}
