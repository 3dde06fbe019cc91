package io.coralbank.dialect.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /admin/v1/ledger/check}. */
public record LedgerCheckResponse(
    boolean ok, long accounts, long transactions, List<Violation> violations) {

  /** A broken invariant and the account or transaction it concerns. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Violation(
      String invariant, String accountNumber, String transactionId, String detail) {}
}
