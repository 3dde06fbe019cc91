package io.coralbank.fx;

import io.coralbank.kernel.fx.Conversion;
import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quotes for customers and the dealing desk's queue. A quote is the mid rate less the spread, with
 * the converted amount rounded down; above the automatic limit (in BMD at mid) the request is
 * referred instead, and a dealer's answer becomes a quote like any other.
 */
@Service
public class FxQuotes {

  private static final RowMapper<FxQuote> QUOTE =
      (row, number) ->
          new FxQuote(
              row.getObject("id", UUID.class),
              row.getObject("customer_id", UUID.class),
              row.getString("unit_currency"),
              row.getString("transfer_currency"),
              row.getLong("instructed_amount"),
              row.getLong("converted_amount"),
              row.getBigDecimal("rate"),
              row.getObject("expires_at", OffsetDateTime.class).toInstant());
  private static final RowMapper<FxReferral> REFERRAL =
      (row, number) ->
          new FxReferral(
              row.getObject("id", UUID.class),
              row.getObject("customer_id", UUID.class),
              row.getString("unit_currency"),
              row.getString("transfer_currency"),
              row.getLong("instructed_amount"),
              row.getString("status").equals("QUOTED"),
              row.getObject("quote_id", UUID.class),
              row.getObject("created_at", OffsetDateTime.class).toInstant());

  private final JdbcClient jdbc;
  private final FxRates rates;
  private final AssetCatalogue assets;
  private final FxProperties properties;
  private final Clock clock;

  FxQuotes(
      JdbcClient jdbc, FxRates rates, AssetCatalogue assets, FxProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.rates = rates;
    this.assets = assets;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * A quote for converting {@code instructedAmount} minor units of {@code unit} into {@code to}.
   */
  @Transactional
  public QuoteOutcome quote(UUID customerId, Asset unit, Asset to, long instructedAmount) {
    Optional<BigDecimal> mid = rates.mid(unit.code(), to.code());
    Optional<BigDecimal> toBmd = rates.mid(unit.code(), "BMD");
    if (mid.isEmpty() || toBmd.isEmpty()) {
      return new QuoteOutcome.NoRate();
    }
    Asset bmd = assets.find("BMD").orElseThrow();
    long worthInBmd = Conversion.convert(instructedAmount, unit, bmd, toBmd.get());
    long threshold = properties.referralThresholdBmd().movePointRight(bmd.scale()).longValueExact();
    if (worthInBmd > threshold) {
      return new QuoteOutcome.Referred(refer(customerId, unit, to, instructedAmount));
    }
    BigDecimal rate = Conversion.customerRate(mid.get(), properties.spreadBasisPoints());
    return new QuoteOutcome.Quoted(store(customerId, unit, to, instructedAmount, rate));
  }

  /**
   * The price of a payment from an account in {@code from} that must deliver {@code creditAmount}
   * minor units of {@code to}. The customer's newest unexpired quote for the pair applies when its
   * amount covers what the payment costs at its rate (BCB: "the same quote will be automatically
   * applied ... provided it is used within its expiry time"); otherwise the payment is priced at
   * today's rate as a new quote, or referred to the dealing desk above the automatic limit.
   */
  @Transactional
  public DeliveryPrice priceDelivery(UUID customerId, Asset from, Asset to, long creditAmount) {
    List<FxQuote> live =
        jdbc.sql(
                """
                select * from fx_quotes
                 where customer_id = :customer and unit_currency = :from
                   and transfer_currency = :to and expires_at > :now
                 order by created_at desc, id
                """)
            .param("customer", customerId)
            .param("from", from.code())
            .param("to", to.code())
            .param("now", clock.instant().atOffset(ZoneOffset.UTC))
            .query(QUOTE)
            .list();
    for (FxQuote quote : live) {
      long debit = Conversion.amountToSend(creditAmount, from, to, quote.rate());
      if (debit <= quote.instructedAmount()) {
        return new DeliveryPrice.Priced(quote, debit);
      }
    }
    Optional<BigDecimal> mid = rates.mid(from.code(), to.code());
    Optional<BigDecimal> toBmd = rates.mid(from.code(), "BMD");
    if (mid.isEmpty() || toBmd.isEmpty()) {
      return new DeliveryPrice.NoRate();
    }
    BigDecimal rate = Conversion.customerRate(mid.get(), properties.spreadBasisPoints());
    long debit = Conversion.amountToSend(creditAmount, from, to, rate);
    Asset bmd = assets.find("BMD").orElseThrow();
    long worthInBmd = Conversion.convert(debit, from, bmd, toBmd.get());
    long threshold = properties.referralThresholdBmd().movePointRight(bmd.scale()).longValueExact();
    if (worthInBmd > threshold) {
      return new DeliveryPrice.Referred(refer(customerId, from, to, debit));
    }
    return new DeliveryPrice.Priced(store(customerId, from, to, debit, rate), debit);
  }

  private FxReferral refer(UUID customerId, Asset unit, Asset to, long amount) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into fx_referrals (id, customer_id, unit_currency, transfer_currency,
                                      instructed_amount, status, created_at)
            values (:id, :customer, :unit, :to, :amount, 'PENDING', :now)
            """)
        .param("id", id)
        .param("customer", customerId)
        .param("unit", unit.code())
        .param("to", to.code())
        .param("amount", amount)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
    return referral(id).orElseThrow();
  }

  private FxQuote store(UUID customerId, Asset unit, Asset to, long amount, BigDecimal rate) {
    UUID id = UUID.randomUUID();
    Instant now = clock.instant();
    jdbc.sql(
            """
            insert into fx_quotes (id, customer_id, unit_currency, transfer_currency,
                                   instructed_amount, converted_amount, rate, created_at,
                                   expires_at)
            values (:id, :customer, :unit, :to, :amount, :converted, :rate, :now, :expires)
            """)
        .param("id", id)
        .param("customer", customerId)
        .param("unit", unit.code())
        .param("to", to.code())
        .param("amount", amount)
        .param("converted", Conversion.convert(amount, unit, to, rate))
        .param("rate", rate)
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("expires", now.plus(properties.quoteLifetime()).atOffset(ZoneOffset.UTC))
        .update();
    return jdbc.sql("select * from fx_quotes where id = :id").param("id", id).query(QUOTE).single();
  }

  /** The customer's referral, if it is theirs. */
  public Optional<FxReferral> referralOf(UUID customerId, UUID referralId) {
    return referral(referralId).filter(referral -> referral.customerId().equals(customerId));
  }

  /** The customer's quote, if it is theirs. */
  public Optional<FxQuote> quoteOf(UUID customerId, UUID quoteId) {
    return jdbc.sql("select * from fx_quotes where id = :id and customer_id = :customer")
        .param("id", quoteId)
        .param("customer", customerId)
        .query(QUOTE)
        .optional();
  }

  /** Referrals waiting for the dealing desk, oldest first. */
  public List<FxReferral> pendingReferrals() {
    return jdbc.sql("select * from fx_referrals where status = 'PENDING' order by created_at")
        .query(REFERRAL)
        .list();
  }

  /**
   * The dealer's answer: {@code rate} (units of the transfer currency per unit) becomes a quote for
   * the referral's customer. Empty when there is no pending referral with that id.
   */
  @Transactional
  public Optional<FxQuote> answer(UUID referralId, BigDecimal rate) {
    Optional<FxReferral> referral =
        jdbc.sql("select * from fx_referrals where id = :id and status = 'PENDING' for update")
            .param("id", referralId)
            .query(REFERRAL)
            .optional();
    if (referral.isEmpty()) {
      return Optional.empty();
    }
    FxReferral pending = referral.get();
    FxQuote quote =
        store(
            pending.customerId(),
            assets.find(pending.unitCurrency()).orElseThrow(),
            assets.find(pending.transferCurrency()).orElseThrow(),
            pending.instructedAmount(),
            rate);
    jdbc.sql("update fx_referrals set status = 'QUOTED', quote_id = :quote where id = :id")
        .param("quote", quote.id())
        .param("id", referralId)
        .update();
    return Optional.of(quote);
  }

  private Optional<FxReferral> referral(UUID id) {
    return jdbc.sql("select * from fx_referrals where id = :id")
        .param("id", id)
        .query(REFERRAL)
        .optional();
  }
}
