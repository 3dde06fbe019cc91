package io.coralbank.fx;

import io.coralbank.kernel.fx.Conversion;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Mid rates, set by operators as units of {@code quote} per one {@code base}. A pair without its
 * own rate is priced from the opposite pair's rate or through USD.
 */
@Service
public class FxRates {

  static final String PIVOT = "USD";

  private final JdbcClient jdbc;
  private final Clock clock;

  FxRates(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void set(String base, String quote, BigDecimal mid) {
    jdbc.sql(
            """
            insert into fx_rates (base_currency, quote_currency, mid_rate, updated_at)
            values (:base, :quote, :mid, :now)
            on conflict (base_currency, quote_currency)
            do update set mid_rate = excluded.mid_rate, updated_at = excluded.updated_at
            """)
        .param("base", base)
        .param("quote", quote)
        .param("mid", mid)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** Sets the rate only if the pair has none (sandbox seeding). */
  public void setIfAbsent(String base, String quote, BigDecimal mid) {
    jdbc.sql(
            "insert into fx_rates (base_currency, quote_currency, mid_rate, updated_at)"
                + " values (:base, :quote, :mid, :now) on conflict do nothing")
        .param("base", base)
        .param("quote", quote)
        .param("mid", mid)
        .param("now", clock.instant().atOffset(ZoneOffset.UTC))
        .update();
  }

  /** The mid rate from {@code from} to {@code to}: direct, inverse, or through USD. */
  public Optional<BigDecimal> mid(String from, String to) {
    if (from.equals(to)) {
      return Optional.of(BigDecimal.ONE);
    }
    Optional<BigDecimal> direct = stored(from, to);
    if (direct.isPresent()) {
      return direct;
    }
    Optional<BigDecimal> inverse = stored(to, from).map(Conversion::inverse);
    if (inverse.isPresent() || from.equals(PIVOT) || to.equals(PIVOT)) {
      return inverse;
    }
    Optional<BigDecimal> toPivot = mid(from, PIVOT);
    Optional<BigDecimal> fromPivot = mid(PIVOT, to);
    return toPivot.isPresent() && fromPivot.isPresent()
        ? Optional.of(Conversion.cross(toPivot.get(), fromPivot.get()))
        : Optional.empty();
  }

  private Optional<BigDecimal> stored(String base, String quote) {
    return jdbc.sql(
            "select mid_rate from fx_rates where base_currency = :base and quote_currency = :quote")
        .param("base", base)
        .param("quote", quote)
        .query(BigDecimal.class)
        .optional();
  }
}
