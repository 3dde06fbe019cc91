package io.coralbank.ledger;

/**
 * An account's balances in minor units.
 *
 * @param posted credits minus debits of posted transfers
 * @param pendingDebits reserved by holds on outgoing money
 * @param pendingCredits reserved by holds on incoming money
 */
public record Balance(long posted, long pendingDebits, long pendingCredits) {

  /** What the owner can spend now, before any overdraft: {@code posted - pendingDebits}. */
  public long available() {
    return posted - pendingDebits;
  }
}
