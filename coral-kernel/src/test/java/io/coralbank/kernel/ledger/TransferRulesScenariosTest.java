package io.coralbank.kernel.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The transfer rules as scenarios: accounts, commands, the outcome of each command and the balances
 * afterwards ("name posted [-pending debits +pending credits]"). See {@link ScenarioLedger} for the
 * notation.
 */
class TransferRulesScenariosTest {

  static Stream<Arguments> scenarios() {
    return Stream.of(
        scenario(
            "money reaches a Sub only through its Parent, which nets to zero",
            "P USD parent; S USD settlement:P 100.00; U USD sub:P",
            "post t1 S>P 30.00 &; post t2 P>U 30.00",
            "t1 applied; t2 applied",
            "P 0.00; S 70.00; U 30.00"),
        scenario(
            "money leaves a Sub for the Settlement only through the Parent",
            "P USD parent; S USD settlement:P; U USD sub:P 50.00",
            "post t1 U>P 20.00 &; post t2 P>S 20.00",
            "t1 applied; t2 applied",
            "P 0.00; S 20.00; U 30.00"),
        scenario(
            "Sub to Sub is refused, same currency or not",
            "P USD parent; U USD sub:P 50.00; V USD sub:P",
            "post t1 U>V 1.00",
            "t1 flow_not_allowed_sub_to_sub",
            "P 0.00; U 50.00; V 0.00"),
        scenario(
            "Settlement to Sub and Sub to Settlement directly are refused",
            "P USD parent; S USD settlement:P 100.00; U USD sub:P 50.00",
            "post t1 S>U 1.00; post t2 U>S 1.00",
            "t1 flow_not_allowed_settlement_to_sub_directly;"
                + " t2 flow_not_allowed_sub_to_settlement_directly",
            "P 0.00; S 100.00; U 50.00"),
        scenario(
            "a Parent leg without its same-amount partner in the chain is refused",
            "P USD parent; S USD settlement:P 100.00; U USD sub:P",
            "post t1 S>P 5.00; |; post t2 S>P 5.00 &; post t3 P>U 4.00; |; post t4 P>U 1.00",
            "t1 parent_must_net_to_zero; t2 parent_must_net_to_zero;"
                + " t3 linked_transfer_failed; t4 parent_must_net_to_zero",
            "P 0.00; S 100.00; U 0.00"),
        scenario(
            "a Parent passes money only within its own hierarchy, and never Sub to Sub",
            "P USD parent; Q USD parent; S USD settlement:P 100.00; T USD settlement:Q;"
                + " U USD sub:Q; V USD sub:P 10.00",
            "post t1 S>P 1.00 &; post t2 P>U 1.00; |; post t3 V>P 1.00 &; post t4 P>U 1.00",
            "t1 parent_must_net_to_zero; t2 linked_transfer_failed;"
                + " t3 parent_must_net_to_zero; t4 linked_transfer_failed",
            "P 0.00; Q 0.00; S 100.00; T 0.00; U 0.00; V 10.00"),
        scenario(
            "money from another bank reaches a Sub directly",
            "X USD bank; P USD parent; U USD sub:P",
            "post t1 X>U 5.00",
            "t1 applied",
            "X -5.00; P 0.00; U 5.00"),
        scenario(
            "a posting moves money from debit to credit",
            "A USD 100.00; B USD",
            "post t1 A>B 30.00",
            "t1 applied",
            "A 70.00; B 30.00"),
        scenario(
            "a customer account cannot go below zero",
            "A USD 100.00; B USD",
            "post t1 A>B 100.01; post t2 A>B 100.00",
            "t1 insufficient_funds; t2 applied",
            "A 0.00; B 100.00"),
        scenario(
            "an overdraft lowers the floor by its limit",
            "A USD 10.00 overdraft 50.00; B USD",
            "post t1 A>B 60.00; post t2 A>B 0.01",
            "t1 applied; t2 insufficient_funds",
            "A -50.00; B 60.00"),
        scenario(
            "a bank-side account may go negative",
            "CLEARING USD bank; A USD",
            "post t1 CLEARING>A 1000000.00",
            "t1 applied",
            "CLEARING -1000000.00; A 1000000.00"),
        scenario(
            "a hold reserves money that is no longer available",
            "A USD 100.00; B USD",
            "hold h1 A>B 80.00 60s; post t1 A>B 30.00; post t2 A>B 20.00",
            "h1 applied; t1 insufficient_funds; t2 applied",
            "A 80.00 -80.00 +0.00; B 20.00 -0.00 +80.00"),
        scenario(
            "posting part of a hold moves that part and releases the rest",
            "A USD 100.00; B USD",
            "hold h1 A>B 80.00 60s; posthold p1 h1 50.00",
            "h1 applied; p1 applied",
            "A 50.00; B 50.00"),
        scenario(
            "posting a hold without an amount posts all of it",
            "A USD 100.00; B USD",
            "hold h1 A>B 80.00 60s; posthold p1 h1",
            "h1 applied; p1 applied",
            "A 20.00; B 80.00"),
        scenario(
            "a voided hold releases everything and moves nothing",
            "A USD 100.00; B USD",
            "hold h1 A>B 80.00 60s; void v1 h1",
            "h1 applied; v1 applied",
            "A 100.00; B 0.00"),
        scenario(
            "a hold resolves at most once",
            "A USD 100.00; B USD",
            "hold h1 A>B 80.00 60s; posthold p1 h1 10.00; posthold p2 h1 10.00; void v1 h1;"
                + " hold h2 A>B 5.00 60s; void v2 h2; posthold p3 h2",
            "h1 applied; p1 applied; p2 hold_already_posted; v1 hold_already_posted;"
                + " h2 applied; v2 applied; p3 hold_already_voided",
            "A 90.00; B 10.00"),
        scenario(
            "a hold cannot be posted for more than it holds",
            "A USD 100.00; B USD",
            "hold h1 A>B 50.00 60s; posthold p1 h1 50.01",
            "h1 applied; p1 post_amount_must_not_exceed_hold",
            "A 100.00 -50.00 +0.00; B 0.00 -0.00 +50.00"),
        scenario(
            "a hold expires at a deterministic time and can then only be expired",
            "A USD 100.00; B USD",
            "hold h1 A>B 50.00 60s; expire e0 h1; @+59s; posthold p0 h1 1.00 &; void - h1;"
                + " @+1s; posthold p1 h1; void v1 h1; expire e1 h1; expire e2 h1",
            "h1 applied; e0 hold_not_yet_expired; p0 linked_transfer_failed;"
                + " - id_must_be_present; p1 hold_expired; v1 hold_expired; e1 applied;"
                + " e2 hold_expired",
            "A 100.00; B 0.00"),
        scenario(
            "a linked chain succeeds as one",
            "SETTLEMENT USD 100.00; PARENT USD; SUB USD",
            "post t1 SETTLEMENT>PARENT 40.00 &; post t2 PARENT>SUB 40.00",
            "t1 applied; t2 applied",
            "SETTLEMENT 60.00; PARENT 0.00; SUB 40.00"),
        scenario(
            "a linked chain fails as one and changes nothing",
            "SETTLEMENT USD 100.00; PARENT USD; SUB USD frozen",
            "post t1 SETTLEMENT>PARENT 40.00 &; post t2 PARENT>SUB 40.00; post t3 SETTLEMENT>PARENT 1.00",
            "t1 linked_transfer_failed; t2 credit_account_must_be_active; t3 applied",
            "SETTLEMENT 99.00; PARENT 1.00; SUB 0.00"),
        scenario(
            "a chain left open at the end of a submission is refused whole",
            "A USD 100.00; B USD",
            "post t1 A>B 1.00 &; post t2 A>B 1.00 &",
            "t1 linked_transfer_failed; t2 linked_chain_must_be_closed",
            "A 100.00; B 0.00"),
        scenario(
            "a failed chain undoes a hold it placed",
            "A USD 100.00; B USD",
            "hold h1 A>B 60.00 60s &; post t1 A>B 50.00; hold h2 A>B 60.00 60s",
            "h1 linked_transfer_failed; t1 insufficient_funds; h2 applied",
            "A 100.00 -60.00 +0.00; B 0.00 -0.00 +60.00"),
        scenario(
            "a repeated id with identical fields is recognised and moves nothing again",
            "A USD 100.00; B USD",
            "post t1 A>B 10.00; post t1 A>B 10.00; | ; post t1 A>B 10.00",
            "t1 exists",
            "A 90.00; B 10.00"),
        scenario(
            "a retried chain is recognised whole",
            "A USD 100.00; B USD; C USD",
            "post t1 A>B 10.00 &; post t2 B>C 10.00; | ; post t1 A>B 10.00 &; post t2 B>C 10.00",
            "t1 exists; t2 exists",
            "A 90.00; B 0.00; C 10.00"),
        scenario(
            "an id reused in a chain with new transfers fails the new ones",
            "A USD 100.00; B USD; C USD",
            "post t1 A>B 10.00; | ; post t1 A>B 10.00 &; post t2 B>C 10.00",
            "t1 exists; t2 linked_transfer_failed",
            "A 90.00; B 10.00; C 0.00"),
        scenario(
            "a repeated id with a different field says which field",
            "A USD 100.00; B USD; C USD; E EUR",
            "post t1 A>B 10.00; hold h1 A>B 1.00 60s; posthold p1 h1 0.50; hold h2 A>B 1.00 60s; |;"
                + " hold t1 A>B 10.00 60s; post t1 C>B 10.00; post t1 A>C 10.00;"
                + " post t1 A>B 10.00 in EUR; post t1 A>B 9.99; hold h1 A>B 1.00 61s;"
                + " posthold p1 h2 0.50; posthold p1 h1",
            "t1 exists_with_different_amount; h1 exists_with_different_expiry;"
                + " p1 exists_with_different_amount; h2 applied",
            "A 89.50 -1.00 +0.00; B 10.50 -0.00 +1.00; C 0.00; E 0.00"),
        scenario(
            "currencies must match the transfer's",
            "A USD 100.00; E EUR",
            "post t1 A>E 10.00; post t2 A>E 10.00 in EUR",
            "t1 currencies_must_match; t2 currencies_must_match",
            "A 100.00; E 0.00"),
        scenario(
            "a frozen account can neither pay nor be paid",
            "A USD 100.00; F USD frozen 50.00",
            "post t1 F>A 10.00; post t2 A>F 10.00",
            "t1 debit_account_must_be_active; t2 credit_account_must_be_active",
            "A 100.00; F 50.00"),
        scenario(
            "balances never overflow",
            "X USD bank 92233720368547758.00; A USD 92233720368547758.00",
            "post t1 X>A 0.08",
            "t1 balance_would_overflow",
            "X 92233720368547758.00; A 92233720368547758.00"));
  }

  /**
   * One transfer per rejection, each broken in exactly the ways that let the rule under test win:
   * the next row breaks one rule less. Read top to bottom, this is the precedence order.
   */
  static Stream<Arguments> precedence() {
    String accounts = "A USD 100.00; B USD; E EUR; F USD frozen";
    String seed =
        "post old A>B 1.00; hold held A>B 1.00 60s; hold spent A>B 1.00 60s;"
            + " posthold used spent; hold gone A>B 1.00 60s; void vg gone; |;";
    return Stream.of(
        precedenceRow(
            accounts, seed + "post - A>A 0.00 &; post t1 A>A 0.00", "t1 linked_transfer_failed"),
        precedenceRow(accounts, seed + "post t1 A>A 0.00 &", "t1 linked_chain_must_be_closed"),
        precedenceRow(
            "P USD parent; S USD settlement:P 100.00; U USD sub:P",
            "post - S>P 1000.00",
            "- parent_must_net_to_zero"),
        precedenceRow(accounts, seed + "post - A>A 0.00", "- id_must_be_present"),
        precedenceRow(accounts, seed + "post old A>A 0.00", "old amount_must_be_positive"),
        precedenceRow(accounts, seed + "post old A>A 1.00", "old accounts_must_differ"),
        precedenceRow(accounts, seed + "hold old B>E 2.00 60s", "old exists_with_different_type"),
        precedenceRow(
            accounts, seed + "post old B>E 2.00 in EUR", "old exists_with_different_debit_account"),
        precedenceRow(
            accounts,
            seed + "post old A>E 2.00 in EUR",
            "old exists_with_different_credit_account"),
        precedenceRow(
            accounts, seed + "post old A>B 2.00 in EUR", "old exists_with_different_currency"),
        precedenceRow(accounts, seed + "post old A>B 2.00", "old exists_with_different_amount"),
        precedenceRow(
            accounts, seed + "hold held A>B 1.00 61s", "held exists_with_different_expiry"),
        precedenceRow(accounts, seed + "posthold used held", "used exists_with_different_hold"),
        precedenceRow(accounts, seed + "post t1 NOBODY>NOONE 1.00", "t1 debit_account_must_exist"),
        precedenceRow(
            accounts, seed + "post t1 A>NOONE 1.00 in EUR", "t1 credit_account_must_exist"),
        precedenceRow(accounts, seed + "posthold t1 nothing", "t1 hold_must_exist"),
        precedenceRow(accounts, seed + "post t1 F>E 1000.00", "t1 currencies_must_match"),
        precedenceRow(accounts, seed + "post t1 F>A 1000.00", "t1 debit_account_must_be_active"),
        precedenceRow(
            accounts, seed + "hold t1 A>F 1000.00 0s", "t1 credit_account_must_be_active"),
        precedenceRow(
            "P USD parent; U USD sub:P; V USD sub:P",
            "hold t1 U>V 1000.00 0s",
            "t1 flow_not_allowed_sub_to_sub"),
        precedenceRow(
            "P USD parent; S USD settlement:P; U USD sub:P",
            "hold t1 S>U 1000.00 0s",
            "t1 flow_not_allowed_settlement_to_sub_directly"),
        precedenceRow(
            "P USD parent; S USD settlement:P; U USD sub:P",
            "hold t1 U>S 1000.00 0s",
            "t1 flow_not_allowed_sub_to_settlement_directly"),
        precedenceRow(accounts, seed + "posthold t1 spent", "t1 hold_already_posted"),
        precedenceRow(accounts, seed + "posthold t1 gone", "t1 hold_already_voided"),
        precedenceRow(accounts, seed + "@+60s; posthold t1 held 5.00", "t1 hold_expired"),
        precedenceRow(accounts, seed + "expire t1 held", "t1 hold_not_yet_expired"),
        precedenceRow(accounts, seed + "hold t1 A>B 1000.00 0s", "t1 expiry_must_be_in_the_future"),
        precedenceRow(
            accounts, seed + "posthold t1 held 5.00", "t1 post_amount_must_not_exceed_hold"),
        precedenceRow(
            "A USD 92233720368547758.07; B USD 1.00",
            "post t1 B>A 1.00",
            "t1 balance_would_overflow"),
        precedenceRow(accounts, seed + "post t1 A>B 1000.00", "t1 insufficient_funds"));
  }

  private static Arguments scenario(
      String name, String accounts, String commands, String outcomes, String balances) {
    return Arguments.of(name, accounts, commands, outcomes, balances);
  }

  private static Arguments precedenceRow(String accounts, String commands, String lastOutcome) {
    return Arguments.of(
        lastOutcome.substring(lastOutcome.indexOf(' ') + 1), accounts, commands, lastOutcome);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void eachScenarioEndsWithTheExpectedOutcomesAndBalances(
      String name, String accounts, String commands, String outcomes, String balances) {
    ScenarioLedger ledger = new ScenarioLedger(accounts).run(commands);

    assertThat(ledger.outcomes()).isEqualTo(outcomes);
    assertThat(ledger.balances()).isEqualTo(balances);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("precedence")
  void everyRejectionWinsOverTheOnesDeclaredAfterIt(
      String rule, String accounts, String commands, String lastOutcome) {
    ScenarioLedger ledger = new ScenarioLedger(accounts).run(commands);

    // The transfer under test is the last one; its outcome is the rule the row is named after.
    assertThat(ledger.lastOutcome()).isEqualTo(lastOutcome);
  }

  @Test
  void thePrecedenceWalkCoversEveryRejectionInDeclarationOrder() {
    assertThat(precedence().map(row -> ((String) row.get()[0]).toUpperCase()).toList())
        .containsExactlyElementsOf(Stream.of(Rejection.values()).map(Enum::name).toList());
  }
}
