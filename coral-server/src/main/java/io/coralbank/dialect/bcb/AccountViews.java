package io.coralbank.dialect.bcb;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.coralbank.accounts.AccountKind;
import java.util.List;

/** BCB's account and transaction shapes. */
final class AccountViews {

  private AccountViews() {}

  /** An amount as BCB writes it: a decimal string and the currency. */
  record Amount(String amount, String currency) {}

  /** {@code GET /v1/accounts} item ("AccountSummary"). */
  record AccountSummary(
      String number, String label, String type, String currency, Amount balance, String status) {}

  /** An owner of an account. */
  record Owner(String id, String name) {}

  /** One of BCB's additional account attributes. */
  record Attribute(String name, String value) {}

  /** {@code GET /v1/accounts/{accountNumber}}. */
  record AccountDetails(
      String id,
      String number,
      String label,
      List<Owner> owners,
      String type,
      Amount balance,
      List<Attribute> accountAttributes) {}

  /** An account reference inside a transaction. */
  record AccountReference(String number) {}

  /** A transaction's details. */
  record TransactionDetails(String type, String description, Amount value, String posted) {}

  /** {@code GET /v1/accounts/{accountNumber}/transactions} item. */
  record Transaction(
      String id,
      @JsonProperty("thisAccount") AccountReference thisAccount,
      @JsonProperty("otherAccount") AccountReference otherAccount,
      TransactionDetails details) {}

  /** BCB's names of account types ("CMS Settlement", "CMS Parent Cate", "CMS Sub Acct"). */
  static String type(AccountKind kind) {
    return switch (kind) {
      case SETTLEMENT -> "CMS Settlement";
      case PARENT -> "CMS Parent Cate";
      case SUB -> "CMS Sub Acct";
      case CURRENT -> "Current Account";
      case WALLET -> "Wallet";
      case CARD_FUNDING -> "Card Funding";
      case CLEARING, FX_LIQUIDITY, FEE_INCOME, SUSPENSE -> "Bank Account";
    };
  }
}
