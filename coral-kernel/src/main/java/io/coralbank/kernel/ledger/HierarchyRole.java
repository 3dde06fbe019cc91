package io.coralbank.kernel.ledger;

/**
 * An account's place in a customer's virtual-account hierarchy (Settlement -> Parent -> Sub, one
 * hierarchy per customer and currency), or none. The flow rules apply to every transfer that
 * touches an account with a role, whichever endpoint it comes through.
 */
public enum HierarchyRole {
  /** Not part of a hierarchy: current accounts, wallets, the bank's own accounts. */
  NONE,
  /** The customer's Settlement account ("CMS Settlement"). */
  SETTLEMENT,
  /** The pass-through Parent ("CMS Parent Cate"), whose balance is always zero. */
  PARENT,
  /** A Sub account ("CMS Sub Acct") of one of the customer's own customers. */
  SUB
}
