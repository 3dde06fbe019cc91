package io.coralbank.dialect.cayman;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.Balance;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.web.Caller;
import io.coralbank.web.RequiresPermission;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The key's customer's wallets: ledger accounts of kind {@code WALLET}. */
@RestController
class WalletsController {

  private final Accounts accounts;
  private final LedgerReader ledger;
  private final AssetCatalogue assets;

  WalletsController(Accounts accounts, LedgerReader ledger, AssetCatalogue assets) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.assets = assets;
  }

  @RequiresPermission("wallets:read")
  @GetMapping(path = "/v1/wallets", produces = MediaType.APPLICATION_JSON_VALUE)
  CaymanList<WalletView> list(
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor,
      Caller caller) {
    int size = CaymanList.limit(limit);
    long after = 0;
    if (cursor != null) {
      after =
          accounts
              .findWalletForCustomer(caller.customerId(), cursor)
              .map(Account::id)
              .orElseThrow(() -> CaymanRefusal.invalid("cursor is not one of your wallets."));
    }
    List<Account> wallets = accounts.walletsOfCustomer(caller.customerId(), after, size + 1);
    return CaymanList.of(wallets, size, this::view, Account::publicId);
  }

  @RequiresPermission("wallets:read")
  @GetMapping(path = "/v1/wallets/{walletId}", produces = MediaType.APPLICATION_JSON_VALUE)
  WalletView wallet(@PathVariable String walletId, Caller caller) {
    return accounts
        .findWalletForCustomer(caller.customerId(), walletId)
        .map(this::view)
        .orElseThrow(() -> CaymanRefusal.notFound("No such wallet: " + walletId));
  }

  WalletView view(Account wallet) {
    Asset asset = assets.find(wallet.currency()).orElseThrow();
    Balance balance = ledger.balance(wallet.id()).orElseThrow();
    return new WalletView(
        wallet.publicId(),
        wallet.currency(),
        CaymanAmounts.format(balance.available(), asset),
        CaymanAmounts.format(balance.pendingDebits(), asset),
        CaymanAmounts.time(ledger.lastPostedAt(wallet.id()).orElse(wallet.createdAt())));
  }
}
