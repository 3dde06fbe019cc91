package io.coralbank.ledger;

import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.ledger.TransferCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reverses a ledger transaction. The journal is append-only, so a reversal is a new transaction
 * that moves every posted amount of the original back, as one linked chain, and names the original
 * in its {@code reverses} column (unique: a transaction is reversed at most once). Its transfer ids
 * derive from the original's ({@code reversal:<id>}), so asking twice is answered with the first
 * reversal and moves nothing again.
 */
@Service
public class LedgerReversals {

  /** BCB's transaction code for a reversal. */
  public static final String REVERSAL_CODE = "REVERSAL";

  private final JdbcClient jdbc;
  private final Ledger ledger;

  LedgerReversals(JdbcClient jdbc, Ledger ledger) {
    this.jdbc = jdbc;
    this.ledger = ledger;
  }

  public ReversalResult reverse(String transactionId, String description) {
    boolean exists =
        jdbc.sql("select exists (select 1 from ledger_transactions where id = :id)")
            .param("id", transactionId)
            .query(Boolean.class)
            .single();
    if (!exists) {
      return new ReversalResult.NotFound();
    }
    // Back the way each amount came, last leg first: the original credit account pays the original
    // debit, so a chain through a Parent is undone through the Parent in the permitted order.
    List<Map<String, Object>> moves =
        jdbc.sql(
                """
                select transfer_id, debit_account_id, credit_account_id, asset_code, amount
                  from ledger_transfers
                 where transaction_id = :id and type in ('POSTING', 'POST_HOLD')
                 order by sequence desc
                """)
            .param("id", transactionId)
            .query()
            .listOfRows();
    if (moves.isEmpty()) {
      return new ReversalResult.NothingToReverse();
    }
    List<TransferRequest> chain = new ArrayList<>();
    for (int index = 0; index < moves.size(); index++) {
      Map<String, Object> move = moves.get(index);
      chain.add(
          new TransferRequest(
              new TransferCommand.Posting(
                  reversalId((String) move.get("transfer_id")),
                  (Long) move.get("credit_account_id"),
                  (Long) move.get("debit_account_id"),
                  (String) move.get("asset_code"),
                  (Long) move.get("amount"),
                  index < moves.size() - 1),
              REVERSAL_CODE,
              description,
              transactionId));
    }
    List<TransferResult> results = ledger.submit(chain);
    if (results.stream().allMatch(TransferResult.Applied.class::isInstance)) {
      return new ReversalResult.Reversed(
          ((TransferResult.Applied) results.getFirst()).transactionId());
    }
    if (results.stream().allMatch(TransferResult.AlreadyApplied.class::isInstance)) {
      return new ReversalResult.AlreadyReversed(
          ((TransferResult.AlreadyApplied) results.getFirst()).transactionId());
    }
    return new ReversalResult.Refused(
        results.stream()
            .filter(TransferResult.Rejected.class::isInstance)
            .map(result -> ((TransferResult.Rejected) result).rejection())
            .filter(rejection -> rejection != Rejection.LINKED_TRANSFER_FAILED)
            .findFirst()
            .orElse(Rejection.LINKED_TRANSFER_FAILED));
  }

  static String reversalId(String transferId) {
    return "reversal:" + transferId;
  }
}
