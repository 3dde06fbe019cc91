package io.coralbank.kernel.ledger;

/**
 * What the ledger knows of an account when it applies transfers.
 *
 * <p>{@code posted} is credits minus debits of posted transfers; {@code pendingDebits} and {@code
 * pendingCredits} are the totals of holds not yet resolved. The available balance is {@code posted
 * - pendingDebits}; a customer account's available balance may not fall below minus its overdraft
 * limit (its floor), while a bank-side account (clearing, FX liquidity, fees, suspense) has no
 * floor.
 *
 * @param id the account's id
 * @param assetCode the currency or asset it holds
 * @param bankSide true for the bank's own accounts, which may go negative
 * @param overdraftLimit how far below zero a customer account may go, in minor units
 * @param active false when frozen or closed
 * @param posted credits minus debits of posted transfers
 * @param pendingDebits held for outgoing holds
 * @param pendingCredits held for incoming holds
 * @param role its place in a virtual-account hierarchy, {@link HierarchyRole#NONE} outside one
 * @param hierarchyId the Parent account's id for the accounts of a hierarchy (the Parent's own id
 *     for the Parent); 0 outside one
 */
public record AccountState(
    long id,
    String assetCode,
    boolean bankSide,
    long overdraftLimit,
    boolean active,
    long posted,
    long pendingDebits,
    long pendingCredits,
    HierarchyRole role,
    long hierarchyId) {

  /** An account outside any virtual-account hierarchy. */
  public AccountState(
      long id,
      String assetCode,
      boolean bankSide,
      long overdraftLimit,
      boolean active,
      long posted,
      long pendingDebits,
      long pendingCredits) {
    this(
        id,
        assetCode,
        bankSide,
        overdraftLimit,
        active,
        posted,
        pendingDebits,
        pendingCredits,
        HierarchyRole.NONE,
        0);
  }

  public AccountState {
    if (overdraftLimit < 0 || pendingDebits < 0 || pendingCredits < 0) {
      throw new IllegalArgumentException("Overdraft limit and pending totals are never negative");
    }
  }

  /** A new, empty, active customer account without overdraft. */
  public static AccountState customer(long id, String assetCode) {
    return new AccountState(id, assetCode, false, 0, true, 0, 0, 0);
  }

  /** A new, empty bank-side account. */
  public static AccountState bankSide(long id, String assetCode) {
    return new AccountState(id, assetCode, true, 0, true, 0, 0, 0);
  }

  /** {@code posted - pendingDebits}. */
  public long available() {
    return Math.subtractExact(posted, pendingDebits);
  }

  /** Whether the balances respect the floor: always for bank-side accounts. */
  public boolean withinFloor() {
    return bankSide || available() >= -overdraftLimit;
  }

  AccountState withBalances(long newPosted, long newPendingDebits, long newPendingCredits) {
    return new AccountState(
        id,
        assetCode,
        bankSide,
        overdraftLimit,
        active,
        newPosted,
        newPendingDebits,
        newPendingCredits,
        role,
        hierarchyId);
  }
}
