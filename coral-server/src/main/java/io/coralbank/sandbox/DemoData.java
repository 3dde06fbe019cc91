package io.coralbank.sandbox;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.AccountOpening;
import io.coralbank.accounts.Accounts;
import io.coralbank.customers.CustomerType;
import io.coralbank.customers.Customers;
import io.coralbank.fx.FxRates;
import io.coralbank.identity.ApiClients;
import io.coralbank.identity.ClientDialect;
import io.coralbank.kernel.money.Amounts;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.kernel.money.InvalidAmountException;
import io.coralbank.ledger.TransferResult;
import io.coralbank.payments.InboundPayments;
import io.coralbank.platform.SandboxOnly;
import io.coralbank.platform.database.ClusterLocks;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo customer once per database. Every step is keyed (the customer and clients by fixed
 * ids, the accounts by label, the funding by fixed transfer ids) and done only if missing, so a
 * restart or a second node finds the data there and changes nothing.
 */
@Component
@SandboxOnly
class DemoData {

  /** The demo customer and credentials, as published in the README. */
  static final UUID CUSTOMER = UUID.fromString("c0a1de00-0000-4000-8000-000000000001");

  static final UUID BCB_CLIENT = UUID.fromString("c0a1de00-0000-4000-8000-0000000000bc");
  static final String BCB_SECRET = "Demo-Bcb-Secret-2026!";
  static final UUID CAYMAN_CLIENT = UUID.fromString("c0a1de00-0000-4000-8000-0000000000ca");
  static final String CAYMAN_API_KEY = "sk_c0a1de000000400080000000000000ca_demo-cayman-key-2026";
  static final UUID VAULTSPAY_CLIENT = UUID.fromString("c0a1de00-0000-4000-8000-0000000000fa");
  static final String VAULTSPAY_SECRET = "Demo-VaultsPay-Secret-2026!";

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private record Opening(String currency, AccountKind kind, String label, String funding) {}

  private static final List<Opening> ACCOUNTS =
      List.of(
          new Opening("USD", AccountKind.CURRENT, "Demo USD current", "10000.00"),
          new Opening("BMD", AccountKind.CURRENT, "Demo BMD current", "10000.00"),
          new Opening("EUR", AccountKind.CURRENT, "Demo EUR current", "10000.00"),
          new Opening("USD", AccountKind.SETTLEMENT, "Demo USD settlement", "50000.00"),
          new Opening("USD", AccountKind.PARENT, "Demo USD parent", null),
          new Opening("BMD", AccountKind.SETTLEMENT, "Demo BMD settlement", "50000.00"),
          new Opening("BMD", AccountKind.PARENT, "Demo BMD parent", null));

  /** Cayman's wallets; sandboxes seeded before wallets existed get them at their next start. */
  private static final List<Opening> WALLETS =
      List.of(
          new Opening("USD", AccountKind.WALLET, "Demo USD wallet", "12450.32"),
          new Opening("EUR", AccountKind.WALLET, "Demo EUR wallet", "832.12"),
          new Opening("BTC", AccountKind.WALLET, "Demo BTC wallet", "0.42350000"));

  private final Customers customers;
  private final Accounts accounts;
  private final ApiClients clients;
  private final InboundPayments inbound;
  private final AssetCatalogue assets;
  private final FxRates rates;
  private final ClusterLocks locks;

  DemoData(
      Customers customers,
      Accounts accounts,
      ApiClients clients,
      InboundPayments inbound,
      AssetCatalogue assets,
      FxRates rates,
      ClusterLocks locks) {
    this.rates = rates;
    this.locks = locks;
    this.customers = customers;
    this.accounts = accounts;
    this.clients = clients;
    this.inbound = inbound;
    this.assets = assets;
  }

  /** Realistic mid rates against USD (units per one USD), seeded where none is set. */
  private static final Map<String, String> RATES =
      Map.of(
          "BMD", "1.0000", "EUR", "0.9200", "GBP", "0.7900", "CAD", "1.3600", "AUD", "1.5200",
          "NZD", "1.6600", "NOK", "10.7000", "HKD", "7.8100");

  /**
   * Brings the demo data to its documented state, doing only the steps still missing. Two nodes
   * that start together take turns, so the second finds everything done; a start interrupted
   * halfway (a crash between opening two accounts) is completed by the next one. The funding
   * transfers have fixed ids, so an account funded before is never funded again.
   */
  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    RATES.forEach((currency, rate) -> rates.setIfAbsent("USD", currency, new BigDecimal(rate)));
    locks.runAlone("coral-sandbox-demo-data", this::completeSeed);
  }

  private void completeSeed() {
    boolean added = false;
    if (!customers.exists(CUSTOMER)) {
      customers.create(CUSTOMER, "Coral Demo Corporation", CustomerType.CORPORATE);
      added = true;
    }
    added |= clientIfMissing(ClientDialect.BCB, BCB_CLIENT, BCB_SECRET);
    added |= clientIfMissing(ClientDialect.CAYMAN, CAYMAN_CLIENT, CAYMAN_API_KEY);
    added |= clientIfMissing(ClientDialect.VAULTSPAY, VAULTSPAY_CLIENT, VAULTSPAY_SECRET);
    Map<String, Account> byLabel = new HashMap<>();
    accounts
        .pageForCustomer(CUSTOMER, accounts.lastIdForCustomer(CUSTOMER), 0, 1_000)
        .forEach(account -> byLabel.putIfAbsent(account.label(), account));
    for (Opening opening : Stream.concat(ACCOUNTS.stream(), WALLETS.stream()).toList()) {
      Account account = byLabel.get(opening.label());
      if (account == null) {
        account =
            ((AccountOpening.Opened)
                    accounts.openCustomerAccount(
                        CUSTOMER, opening.currency(), opening.kind(), opening.label()))
                .account();
        added = true;
      }
      if (opening.funding() != null) {
        added |= fund(account, opening) instanceof TransferResult.Applied;
      }
    }
    if (added) {
      log.info(
          "Seeded the sandbox demo customer (BCB client {}, see the README for its credentials)",
          BCB_CLIENT);
    }
  }

  private boolean clientIfMissing(ClientDialect dialect, UUID clientId, String secret) {
    if (clients.find(CUSTOMER, clientId).isPresent()) {
      return false;
    }
    clients.createDemoClient(CUSTOMER, dialect, clientId, secret);
    return true;
  }

  private TransferResult fund(Account account, Opening opening) {
    try {
      return inbound.credit(
          account,
          Amounts.parse(opening.funding(), assets.find(opening.currency()).orElseThrow()),
          "Demo opening balance",
          "demo-funding:" + opening.currency() + ":" + opening.kind());
    } catch (InvalidAmountException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
