package io.coralbank.virtualaccounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.AccountOpening;
import io.coralbank.accounts.Accounts;
import io.coralbank.ledger.LedgerCheck;
import io.coralbank.ledger.LedgerReader;
import io.coralbank.ledger.TransferResult;
import io.coralbank.payments.InboundPayments;
import io.coralbank.testsupport.HttpIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One Settlement account is hot by design: every credit to any of its Sub accounts passes through
 * it and its Parent. Many concurrent credits and debits keep every balance and invariant.
 */
class VirtualAccountsConcurrencyTest extends HttpIntegrationTest {

  @Autowired Accounts accounts;
  @Autowired VirtualAccounts virtualAccounts;
  @Autowired InboundPayments inbound;
  @Autowired LedgerReader ledger;
  @Autowired LedgerCheck check;

  private Account open(UUID customer, AccountKind kind) {
    return ((AccountOpening.Opened)
            accounts.openCustomerAccount(customer, "USD", kind, kind.name()))
        .account();
  }

  @Test
  void concurrentCreditsAndDebitsThroughOneParentKeepEveryBalance() throws Exception {
    UUID customer = UUID.fromString(newCustomer());
    Account settlement = open(customer, AccountKind.SETTLEMENT);
    Account parent = open(customer, AccountKind.PARENT);
    inbound.credit(settlement, 1_000_000_00L, "Funding", "funding:" + customer);
    List<Account> subs = new ArrayList<>();
    for (int index = 0; index < 20; index++) {
      subs.add(open(customer, AccountKind.SUB));
    }

    Accounts.Hierarchy hierarchy = accounts.hierarchyOf(customer, "USD");
    List<Future<TransferResult>> results = new ArrayList<>();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int index = 0; index < 400; index++) {
        Account sub = subs.get(index % subs.size());
        String id = "concurrent:" + customer + ":" + index;
        boolean credit = index % 4 != 3;
        results.add(
            callers.submit(
                () ->
                    credit
                        ? virtualAccounts.credit(sub, hierarchy, 10_00L, id, "Credit")
                        : virtualAccounts.debit(sub, hierarchy, 5_00L, id, "Debit")));
      }
    }

    long credits = 0;
    long debits = 0;
    for (int index = 0; index < results.size(); index++) {
      TransferResult result = results.get(index).get();
      if (result instanceof TransferResult.Applied) {
        if (index % 4 != 3) {
          credits++;
        } else {
          debits++;
        }
      }
    }
    long subTotal =
        subs.stream().mapToLong(sub -> ledger.balance(sub.id()).orElseThrow().posted()).sum();
    assertThat(credits).isEqualTo(300);
    assertThat(subTotal).isEqualTo(credits * 10_00L - debits * 5_00L);
    assertThat(ledger.balance(parent.id()).orElseThrow().posted()).isZero();
    assertThat(ledger.balance(settlement.id()).orElseThrow().posted())
        .isEqualTo(1_000_000_00L - subTotal);
    assertThat(subs.stream().allMatch(sub -> ledger.balance(sub.id()).orElseThrow().posted() >= 0))
        .isTrue();
    assertThat(check.run().ok()).isTrue();
  }
}
