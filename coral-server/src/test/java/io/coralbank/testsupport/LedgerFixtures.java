package io.coralbank.testsupport;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.AccountOpening;
import io.coralbank.accounts.Accounts;
import io.coralbank.customers.CustomerType;
import io.coralbank.customers.Customers;
import io.coralbank.ledger.TransferResult;
import io.coralbank.payments.InboundPayments;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Opens funded accounts for tests through the same services the API uses. */
@Component
public class LedgerFixtures {

  private final Customers customers;
  private final Accounts accounts;
  private final InboundPayments inbound;

  LedgerFixtures(Customers customers, Accounts accounts, InboundPayments inbound) {
    this.customers = customers;
    this.accounts = accounts;
    this.inbound = inbound;
  }

  public UUID customer() {
    return customers.create("Test customer " + UUID.randomUUID(), CustomerType.CORPORATE).id();
  }

  /** A new CURRENT account of a new customer, credited with {@code minorUnits} if positive. */
  public Account account(String currency, long minorUnits) {
    return account(customer(), currency, AccountKind.CURRENT, minorUnits);
  }

  public Account account(UUID customer, String currency, AccountKind kind, long minorUnits) {
    Account account =
        ((AccountOpening.Opened) accounts.openCustomerAccount(customer, currency, kind, "test"))
            .account();
    if (minorUnits > 0) {
      TransferResult funded =
          inbound.credit(account, minorUnits, "opening", "fund:" + UUID.randomUUID());
      if (!(funded instanceof TransferResult.Applied)) {
        throw new IllegalStateException("Could not fund test account: " + funded);
      }
    }
    return account;
  }
}
