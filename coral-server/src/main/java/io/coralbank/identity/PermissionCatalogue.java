package io.coralbank.identity;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every permission of every dialect, documented in {@code docs/api/permissions.md}. BCB's keys are
 * kebab-case verbs; {@code get-virtual-account-transactions} and {@code withdraw-virtual-account}
 * are spelled as BCB's documentation spells them.
 */
public final class PermissionCatalogue {

  private static final Map<ClientDialect, List<Permission>> CATALOGUE =
      Map.of(
          ClientDialect.BCB,
          sorted(
              List.of(
                  new Permission("get-accounts", "List the customer's accounts and read one."),
                  new Permission("get-transactions", "Read an account's transactions."),
                  new Permission("get-payments", "Read payment statuses."),
                  new Permission("create-swift-payment", "Send SWIFT (MT103) payments."),
                  new Permission("create-ach-payment", "Send local ACH payments."),
                  new Permission(
                      "create-internal-transfer", "Move money between the bank's accounts."),
                  new Permission("get-fx-quotes", "Ask for foreign-exchange quotes."),
                  new Permission(
                      "create-virtual-accounts", "Open Sub accounts (a background job)."),
                  new Permission("get-virtual-accounts", "List and read Sub accounts."),
                  new Permission(
                      "get-virtual-account-transactions",
                      "Read Sub accounts' transactions and total balances."),
                  new Permission(
                      "credit-virtual-account", "Move money Settlement -> Parent -> Sub."),
                  new Permission(
                      "debit-virtual-account", "Move money Sub -> Parent -> Settlement."),
                  new Permission(
                      "withdraw-virtual-account",
                      "Withdraw from a Sub account, internally or out."),
                  new Permission("settle-virtual-account", "Pay counterparties from Settlement."),
                  new Permission("get-jobs", "Read background jobs and their results."),
                  new Permission(
                      "manage-notifications", "Subscribe to, list and stop notifications."),
                  new Permission(
                      "manage-credentials",
                      "Create API clients, rotate their secrets, disable them, read permissions."),
                  new Permission(
                      "get-public-keys", "Read the keys that verify tokens and messages."),
                  new Permission("use-testing-endpoints", "Call the sandbox testing endpoints."))),
          ClientDialect.CAYMAN,
          sorted(
              List.of(
                  new Permission("wallets:read", "List wallets and read one."),
                  new Permission("transfers:read", "List transfers and read one."),
                  new Permission("transfers:write", "Create fiat and crypto transfers."),
                  new Permission("payment_intents:write", "Create and cancel payment intents."),
                  new Permission("payment_intents:read", "List payment intents and read one."),
                  new Permission(
                      "webhooks:write", "Register, read, change and remove webhook endpoints."),
                  new Permission("events:read", "List events and read one."))),
          ClientDialect.VAULTSPAY,
          sorted(
              List.of(
                  new Permission("users", "Create users, manage their KYC data and addresses."),
                  new Permission("wallets", "Open wallets and read the ledger."),
                  new Permission("transfers", "Validate IBANs, manage contacts, send transfers."),
                  new Permission("transactions", "List and read transactions."),
                  new Permission("cards", "Issue and manage payment cards."),
                  new Permission("rules", "Read and change card security and limits."))));

  private PermissionCatalogue() {}

  private static List<Permission> sorted(List<Permission> permissions) {
    return permissions.stream().sorted(Comparator.comparing(Permission::key)).toList();
  }

  /** Every permission of the dialect, sorted by key. */
  public static List<Permission> of(ClientDialect dialect) {
    return CATALOGUE.get(dialect);
  }

  public static Optional<Permission> find(ClientDialect dialect, String key) {
    return of(dialect).stream().filter(permission -> permission.key().equals(key)).findFirst();
  }
}
