package io.coralbank.accounts;

/** Whether an account can move money. Only active accounts pay or get paid. */
public enum AccountStatus {
  ACTIVE,
  FROZEN,
  CLOSED
}
