package io.coralbank.dialect.admin;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.Accounts;
import io.coralbank.ledger.LedgerCheck;
import io.coralbank.ledger.LedgerCheckReport;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Runs the ledger's invariant check for an operator. */
@RestController
class LedgerController {

  private final LedgerCheck check;
  private final Accounts accounts;

  LedgerController(LedgerCheck check, Accounts accounts) {
    this.check = check;
    this.accounts = accounts;
  }

  @GetMapping(path = "/v1/ledger/check", produces = MediaType.APPLICATION_JSON_VALUE)
  LedgerCheckResponse check() {
    LedgerCheckReport report = check.run();
    return new LedgerCheckResponse(
        report.ok(),
        report.accounts(),
        report.transactions(),
        report.violations().stream()
            .map(
                violation ->
                    new LedgerCheckResponse.Violation(
                        violation.invariant(),
                        violation.accountId() == null
                            ? null
                            : accounts
                                .find(violation.accountId())
                                .map(Account::number)
                                .orElse(null),
                        violation.transactionId(),
                        violation.detail()))
            .toList());
  }
}
