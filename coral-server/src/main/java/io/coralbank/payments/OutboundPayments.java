package io.coralbank.payments;

import io.coralbank.accounts.Account;
import io.coralbank.accounts.AccountKind;
import io.coralbank.accounts.Accounts;
import io.coralbank.accounts.Rail;
import io.coralbank.events.DomainEvent;
import io.coralbank.events.Events;
import io.coralbank.fx.DeliveryPrice;
import io.coralbank.fx.FxQuotes;
import io.coralbank.kernel.calendar.CutOff;
import io.coralbank.kernel.ledger.Rejection;
import io.coralbank.kernel.ledger.TransferCommand;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import io.coralbank.ledger.Ledger;
import io.coralbank.ledger.TransferRequest;
import io.coralbank.ledger.TransferResult;
import io.coralbank.rails.AchBanks;
import io.coralbank.rails.NetworkPlan;
import io.coralbank.rails.RailsProperties;
import io.coralbank.rails.SimulatedNetwork;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepts outbound payments. A payment that passes the bank's rules holds its amount on the
 * debtor's account at once (available drops, posted does not) and goes to the rail's network, which
 * later settles it (the hold is posted to the rail's clearing account) or fails it (the hold is
 * voided).
 *
 * <p>A cross-currency payment holds two linked legs in one ledger transaction: the customer's
 * currency into the bank's FX liquidity account, and the instructed currency from FX liquidity to
 * the clearing account, so every currency balances on its own.
 */
@Service
public class OutboundPayments {

  /** BCB's transaction code for an outward transfer. */
  public static final String OUTWARD_TRANSFER_CODE = "OTWT";

  static final Set<String> ACH_CURRENCIES = Set.of("BMD", "USD");

  /** Which assets each crypto network carries. */
  static final Map<String, Set<String>> NETWORK_ASSETS =
      Map.of("bitcoin", Set.of("BTC"), "ethereum", Set.of("ETH", "USDC", "USDT"));

  private final Accounts accounts;
  private final Ledger ledger;
  private final AssetCatalogue assets;
  private final FxQuotes quotes;
  private final AchBanks achBanks;
  private final SimulatedNetwork network;
  private final RailsProperties properties;
  private final JdbcClient jdbc;
  private final java.time.Clock clock;
  private final Events events;
  private final TransactionTemplate transactions;

  OutboundPayments(
      Events events,
      PlatformTransactionManager transactionManager,
      Accounts accounts,
      Ledger ledger,
      AssetCatalogue assets,
      FxQuotes quotes,
      AchBanks achBanks,
      SimulatedNetwork network,
      RailsProperties properties,
      JdbcClient jdbc,
      java.time.Clock clock) {
    this.accounts = accounts;
    this.ledger = ledger;
    this.assets = assets;
    this.quotes = quotes;
    this.achBanks = achBanks;
    this.network = network;
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** Applies the bank's payment rules, holds the amount and hands the payment to its network. */
  public PaymentOutcome send(PaymentInstruction instruction) {
    Account debtor = instruction.debtorAccount();
    Optional<PaymentRejection> refused = railRules(instruction);
    if (refused.isPresent()) {
      return new PaymentOutcome.Refused(refused.get(), null);
    }
    Asset debitAsset = assets.find(debtor.currency()).orElseThrow();
    Asset creditAsset = assets.find(instruction.instructedCurrency()).orElseThrow();
    long debitAmount = instruction.instructedAmount();
    BigDecimal rate = null;
    UUID quoteId = null;
    if (!debitAsset.equals(creditAsset)) {
      switch (quotes.priceDelivery(
          instruction.customerId(), debitAsset, creditAsset, instruction.instructedAmount())) {
        case DeliveryPrice.Priced priced -> {
          debitAmount = priced.debitAmount();
          rate = priced.quote().rate();
          quoteId = priced.quote().id();
        }
        case DeliveryPrice.Referred referred -> {
          return new PaymentOutcome.Refused(
              PaymentRejection.LARGE_EXCHANGE_MUST_BE_QUOTED_BY_THE_DEALING_DESK,
              referred.referral().id().toString());
        }
        case DeliveryPrice.NoRate noRate -> {
          return new PaymentOutcome.Refused(PaymentRejection.EXCHANGE_RATE_MUST_BE_KNOWN, null);
        }
      }
    }
    Instant now = clock.instant();
    boolean internal = instruction.rail() == Rail.INTERNAL;
    List<TransferRequest> transfers =
        internal
            ? List.of(posting(instruction))
            : holds(
                instruction,
                debitAsset,
                debitAmount,
                creditAsset,
                now.plus(properties.holdLifetime()));
    List<TransferResult> results = ledger.submit(transfers);
    String paymentId = null;
    for (TransferResult result : results) {
      switch (result) {
        case TransferResult.Applied applied -> paymentId = applied.transactionId();
        case TransferResult.AlreadyApplied exists -> paymentId = exists.transactionId();
        case TransferResult.Rejected rejected -> {
          return new PaymentOutcome.LedgerRefused(firstCause(results));
        }
      }
    }
    NetworkPlan plan =
        internal
            ? NetworkPlan.none()
            : network.accept(
                instruction.rail(), instruction.creditorAccount(), instruction.creditorName(), now);
    String id = paymentId;
    long debited = debitAmount;
    BigDecimal appliedRate = rate;
    UUID appliedQuote = quoteId;
    // The payment and the event of its completion (an internal payment completes at once) are
    // written together, inside the request's transaction when there is one.
    Payment payment =
        transactions.execute(
            status -> {
              boolean recorded =
                  record(
                      id,
                      instruction,
                      debited,
                      appliedRate,
                      appliedQuote,
                      transfers.stream().map(transfer -> transfer.command().transferId()).toList(),
                      plan,
                      valueDate(instruction, now),
                      now);
              if (recorded && internal) {
                events.publish(
                    new DomainEvent(
                        instruction.customerId(),
                        DomainEvent.Subject.PAYMENT,
                        id,
                        PaymentStatus.COMPLETED.name()));
              }
              return jdbc.sql(Payments.SELECT + " where p.id = :id")
                  .param("id", id)
                  .query(Payments.PAYMENT)
                  .single();
            });
    return new PaymentOutcome.Accepted(payment);
  }

  /**
   * A payment whose debit is fixed (BCB's cross-currency withdrawal: {@code debitAmount} and only
   * the credit currency): the bank quotes {@code debitAmount} of {@code from} into {@code to} and
   * sends what the quote converts it to, so the payment is priced by that same live quote.
   *
   * @param instruction the payment for a credited amount, once the quote has set it
   */
  public PaymentOutcome sendConverting(
      UUID customerId,
      Asset from,
      Asset to,
      long debitAmount,
      java.util.function.LongFunction<PaymentInstruction> instruction) {
    return switch (quotes.quote(customerId, from, to, debitAmount)) {
      case io.coralbank.fx.QuoteOutcome.Quoted quoted ->
          quoted.quote().convertedAmount() == 0
              ? new PaymentOutcome.Refused(PaymentRejection.CONVERTED_AMOUNT_MUST_BE_POSITIVE, null)
              : send(instruction.apply(quoted.quote().convertedAmount()));
      case io.coralbank.fx.QuoteOutcome.Referred referred ->
          new PaymentOutcome.Refused(
              PaymentRejection.LARGE_EXCHANGE_MUST_BE_QUOTED_BY_THE_DEALING_DESK,
              referred.referral().id().toString());
      case io.coralbank.fx.QuoteOutcome.NoRate noRate ->
          new PaymentOutcome.Refused(PaymentRejection.EXCHANGE_RATE_MUST_BE_KNOWN, null);
    };
  }

  /** The rules of the rail itself, in the precedence of {@link PaymentRejection}. */
  private Optional<PaymentRejection> railRules(PaymentInstruction instruction) {
    String currency = instruction.instructedCurrency();
    boolean carried =
        switch (instruction.rail()) {
          case ACH -> ACH_CURRENCIES.contains(currency);
          case SEPA -> currency.equals("EUR");
          case CRYPTO ->
              NETWORK_ASSETS.getOrDefault(instruction.creditorAgent(), Set.of()).contains(currency);
          case SWIFT, INTERNAL -> true;
          case CARD -> false;
        };
    if (!carried) {
      return Optional.of(PaymentRejection.RAIL_MUST_CARRY_THE_CURRENCY);
    }
    // Only SWIFT converts: every other rail pays in the account's own currency.
    if (instruction.rail() != Rail.SWIFT
        && !instruction.debtorAccount().currency().equals(currency)) {
      return Optional.of(PaymentRejection.DEBIT_CURRENCY_MUST_MATCH_INSTRUCTED_CURRENCY);
    }
    if (instruction.rail() == Rail.ACH
        && !achBanks.reaches(instruction.creditorAgent(), currency)) {
      return Optional.of(PaymentRejection.CREDITOR_BANK_MUST_BE_REACHABLE);
    }
    return Optional.empty();
  }

  /** BCB's cut-offs give SWIFT and ACH payments a value date; other rails report none. */
  private static LocalDate valueDate(PaymentInstruction instruction, Instant now) {
    return switch (instruction.rail()) {
      case SWIFT -> CutOff.swift(instruction.instructedCurrency()).valueDate(now);
      case ACH -> CutOff.achLocal().valueDate(now);
      case SEPA, CRYPTO, CARD, INTERNAL -> null;
    };
  }

  private static TransferRequest posting(PaymentInstruction instruction) {
    return new TransferRequest(
        new TransferCommand.Posting(
            instruction.transferId(),
            instruction.debtorAccount().id(),
            instruction.creditAccount().id(),
            instruction.instructedCurrency(),
            instruction.instructedAmount(),
            false),
        null,
        description(instruction));
  }

  private List<TransferRequest> holds(
      PaymentInstruction instruction,
      Asset debitAsset,
      long debitAmount,
      Asset creditAsset,
      Instant expiresAt) {
    Account clearing =
        accounts.bankAccount(AccountKind.CLEARING, creditAsset.code(), instruction.rail());
    String description = description(instruction);
    List<TransferRequest> holds = new ArrayList<>();
    if (debitAsset.equals(creditAsset)) {
      holds.add(
          new TransferRequest(
              new TransferCommand.Hold(
                  instruction.transferId(),
                  instruction.debtorAccount().id(),
                  clearing.id(),
                  debitAsset.code(),
                  debitAmount,
                  expiresAt,
                  false),
              code(instruction),
              description));
      return holds;
    }
    Account debitLiquidity =
        accounts.bankAccount(AccountKind.FX_LIQUIDITY, debitAsset.code(), null);
    Account creditLiquidity =
        accounts.bankAccount(AccountKind.FX_LIQUIDITY, creditAsset.code(), null);
    holds.add(
        new TransferRequest(
            new TransferCommand.Hold(
                instruction.transferId(),
                instruction.debtorAccount().id(),
                debitLiquidity.id(),
                debitAsset.code(),
                debitAmount,
                expiresAt,
                true),
            code(instruction),
            description));
    holds.add(
        new TransferRequest(
            new TransferCommand.Hold(
                instruction.transferId() + ":fx",
                creditLiquidity.id(),
                clearing.id(),
                creditAsset.code(),
                instruction.instructedAmount(),
                expiresAt,
                false),
            code(instruction),
            description));
    return holds;
  }

  private static String code(PaymentInstruction instruction) {
    return instruction.transactionCode() != null
        ? instruction.transactionCode()
        : OUTWARD_TRANSFER_CODE;
  }

  static String description(PaymentInstruction instruction) {
    return instruction.rail().name() + " payment " + instruction.externalReference();
  }

  /** The rejection that caused a linked chain to fail, not the echo on its other links. */
  static Rejection firstCause(List<TransferResult> results) {
    Rejection echo = null;
    for (TransferResult result : results) {
      if (result instanceof TransferResult.Rejected rejected) {
        if (rejected.rejection() != Rejection.LINKED_TRANSFER_FAILED) {
          return rejected.rejection();
        }
        echo = rejected.rejection();
      }
    }
    return echo;
  }

  /** Writes the payment once; false when a retry found it written already. */
  private boolean record(
      String paymentId,
      PaymentInstruction instruction,
      long debitAmount,
      BigDecimal rate,
      UUID quoteId,
      List<String> holdIds,
      NetworkPlan plan,
      LocalDate valueDate,
      Instant now) {
    boolean internal = instruction.rail() == Rail.INTERNAL;
    // A retry whose first response was lost finds the hold already applied and the payment
    // possibly already recorded: the row is written once.
    return jdbc.sql(
                """
            insert into payments (id, public_id, customer_id, rail, status, debit_account_id,
                                  credit_account_id, debit_currency,
                                  debit_amount, credit_currency, credit_amount, exchange_rate,
                                  fx_quote_id, external_reference, remittance_information,
                                  creditor_account, creditor_name, creditor_agent,
                                  intermediary_agent, charges_type, value_date, hold_transfer_ids,
                                  settled_transaction_id, next_step, next_step_at, next_step_reason, created_at,
                                  updated_at)
            values (:id, :publicId, :customer, :rail, :status, :debitAccount, :creditAccount,
                    :debitCurrency, :debitAmount,
                    :creditCurrency, :creditAmount, :rate, :quote, :reference, :remittance,
                    :creditorAccount, :creditorName, :creditorAgent, :intermediaryAgent, :charges,
                    :valueDate, :holds, :settled, :step, :stepAt, :stepReason, :now, :now)
            on conflict (id) do nothing
            """)
            .param("id", paymentId)
            .param("publicId", instruction.publicId())
            .param("status", internal ? "COMPLETED" : "PENDING")
            .param("creditAccount", internal ? instruction.creditAccount().id() : null)
            .param("settled", internal ? paymentId : null)
            .param("customer", instruction.customerId())
            .param("rail", instruction.rail().name())
            .param("debitAccount", instruction.debtorAccount().id())
            .param("debitCurrency", instruction.debtorAccount().currency())
            .param("debitAmount", debitAmount)
            .param("creditCurrency", instruction.instructedCurrency())
            .param("creditAmount", instruction.instructedAmount())
            .param("rate", rate)
            .param("quote", quoteId)
            .param("reference", instruction.externalReference())
            .param("remittance", instruction.remittanceInformation().toArray(String[]::new))
            .param("creditorAccount", instruction.creditorAccount())
            .param("creditorName", instruction.creditorName())
            .param("creditorAgent", instruction.creditorAgent())
            .param("intermediaryAgent", instruction.intermediaryAgent())
            .param("charges", instruction.chargesType())
            .param("valueDate", valueDate)
            .param("holds", holdIds.toArray(String[]::new))
            .param("step", plan.isNone() ? null : plan.step().name())
            .param("stepAt", plan.isNone() ? null : plan.at().atOffset(ZoneOffset.UTC))
            .param("stepReason", plan.reason())
            .param("now", now.atOffset(ZoneOffset.UTC))
            .update()
        == 1;
  }
}
