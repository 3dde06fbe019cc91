package io.coralbank.kernel.ledger;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The virtual-account hierarchy's flow rules (Settlement -> Parent -> Sub): which flows between
 * roles are never allowed directly, and the shape a chain through a Parent must have. Part of the
 * transfer rules, so they hold for every transfer whichever endpoint asked for it.
 */
final class FlowRules {

  private FlowRules() {}

  /** The flows between hierarchy roles that are never allowed directly; null when allowed. */
  static Rejection directFlowRule(HierarchyRole debit, HierarchyRole credit) {
    if (debit == HierarchyRole.SUB && credit == HierarchyRole.SUB) {
      return Rejection.FLOW_NOT_ALLOWED_SUB_TO_SUB;
    }
    if (debit == HierarchyRole.SETTLEMENT && credit == HierarchyRole.SUB) {
      return Rejection.FLOW_NOT_ALLOWED_SETTLEMENT_TO_SUB_DIRECTLY;
    }
    if (debit == HierarchyRole.SUB && credit == HierarchyRole.SETTLEMENT) {
      return Rejection.FLOW_NOT_ALLOWED_SUB_TO_SETTLEMENT_DIRECTLY;
    }
    return null;
  }

  /** The accounts and amount a posting or hold moves; null for commands that resolve a hold. */
  private record Move(long debitId, long creditId, String assetCode, long amount, boolean hold) {

    static Move of(TransferCommand command) {
      return switch (command) {
        case TransferCommand.Posting posting ->
            new Move(
                posting.debitAccountId(),
                posting.creditAccountId(),
                posting.assetCode(),
                posting.amount(),
                false);
        case TransferCommand.Hold hold ->
            new Move(
                hold.debitAccountId(),
                hold.creditAccountId(),
                hold.assetCode(),
                hold.amount(),
                true);
        case TransferCommand.PostHold post -> null;
        case TransferCommand.VoidHold voidHold -> null;
        case TransferCommand.ExpireHold expire -> null;
      };
    }
  }

  /**
   * The index of the first member that breaks the Parent rule, or -1. A Parent is only passed
   * through: a leg into it must be followed, in the same chain, by a leg of the same kind, asset
   * and amount out of it, Settlement -> Parent -> Sub or Sub -> Parent -> Settlement, all three of
   * the Parent's own hierarchy. The chain's shape is checked before its members, so a broken shape
   * is refused as such even when a member would also fail for another reason.
   */
  static int parentRuleViolation(
      List<TransferCommand> chain, Function<Long, AccountState> accounts) {
    for (int index = 0; index < chain.size(); index++) {
      Move move = Move.of(chain.get(index));
      if (move == null) {
        continue;
      }
      AccountState debit = accounts.apply(move.debitId());
      AccountState credit = accounts.apply(move.creditId());
      if (debit == null || credit == null) {
        continue; // the member's own checks refuse it
      }
      if (debit.role() == HierarchyRole.PARENT) {
        return index; // out of a Parent without the leg into it just before
      }
      if (credit.role() != HierarchyRole.PARENT) {
        continue;
      }
      Move out = index + 1 < chain.size() ? Move.of(chain.get(index + 1)) : null;
      if (out == null
          || out.debitId() != move.creditId()
          || out.amount() != move.amount()
          || out.hold() != move.hold()
          || !Objects.equals(out.assetCode(), move.assetCode())) {
        return index;
      }
      AccountState end = accounts.apply(out.creditId());
      if (end != null) {
        boolean down = debit.role() == HierarchyRole.SETTLEMENT && end.role() == HierarchyRole.SUB;
        boolean up = debit.role() == HierarchyRole.SUB && end.role() == HierarchyRole.SETTLEMENT;
        if (!(down || up)
            || debit.hierarchyId() != credit.id()
            || end.hierarchyId() != credit.id()) {
          return index;
        }
      }
      index++; // the leg out of the Parent belongs to this pair
    }
    return -1;
  }
}
