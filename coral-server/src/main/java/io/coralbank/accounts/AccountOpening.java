package io.coralbank.accounts;

/** The answer to a request to open an account. */
public sealed interface AccountOpening {

  record Opened(Account account) implements AccountOpening {}

  record Refused(AccountOpeningRejection rejection) implements AccountOpening {}
}
