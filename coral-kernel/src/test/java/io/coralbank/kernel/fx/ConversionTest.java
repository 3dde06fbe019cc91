package io.coralbank.kernel.fx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConversionTest {

  private static final AssetCatalogue assets = AssetCatalogue.standard();

  private static Asset asset(String code) {
    return assets.find(code).orElseThrow();
  }

  @ParameterizedTest(name = "{0} {1} at {3} is {4} {2}")
  @CsvSource({
    "100000, USD, EUR, 0.9200000000, 92000",
    "100001, USD, EUR, 0.9200000000, 92000",
    "100009, USD, EUR, 0.9200000000, 92008",
    "100000, USD, JPY, 151.2345000000, 151234",
    "1000, EUR, KWD, 0.3334000000, 3334",
    "1, USD, EUR, 0.9999999999, 0",
  })
  void conversionsRoundDownToTheTargetsMinorUnit(
      long amount, String from, String to, String rate, long expected) {
    assertThat(Conversion.convert(amount, asset(from), asset(to), new BigDecimal(rate)))
        .isEqualTo(expected);
  }

  @Test
  void theSpreadIsTakenFromTheCustomersRate() {
    assertThat(Conversion.customerRate(new BigDecimal("1.0850"), 50))
        .isEqualByComparingTo("1.0795750000");
    assertThat(Conversion.customerRate(new BigDecimal("1.0850"), 0)).isEqualByComparingTo("1.0850");
    assertThatThrownBy(() -> Conversion.customerRate(BigDecimal.ZERO, 50))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRoundTripNeverGivesTheCustomerMoreThanTheyStartedWith() {
    Random random = new Random(20261122L);
    for (int trial = 0; trial < 10_000; trial++) {
      BigDecimal mid = BigDecimal.valueOf(1 + random.nextInt(2_000_000), 6);
      long amount = 1 + random.nextInt(100_000_000);
      BigDecimal there = Conversion.customerRate(mid, 25);
      BigDecimal back = Conversion.customerRate(Conversion.inverse(mid), 25);
      long converted = Conversion.convert(amount, asset("USD"), asset("EUR"), there);
      long returned = Conversion.convert(converted, asset("EUR"), asset("USD"), back);
      assertThat(returned).as("seed 20261122 trial %d", trial).isLessThanOrEqualTo(amount);
    }
  }

  @Test
  void aResultTooLargeForALongIsRefused() {
    assertThatThrownBy(
            () ->
                Conversion.convert(
                    Long.MAX_VALUE, asset("USD"), asset("JPY"), new BigDecimal("1000")))
        .isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest(name = "{0} {2} at {3} costs {4} {1}")
  @CsvSource({
    "92000, USD, EUR, 0.9200000000, 100000",
    "92001, USD, EUR, 0.9200000000, 100002",
    "151234, USD, JPY, 151.2345000000, 100000",
    "100, EUR, USD, 1.0795750000, 93",
    "1, USD, BTC, 0.0000100000, 1",
  })
  void aPaymentThatMustArriveInFullCostsTheLeastAmountThatConvertsToIt(
      long wanted, String from, String to, String rate, long expected) {
    assertThat(Conversion.amountToSend(wanted, asset(from), asset(to), new BigDecimal(rate)))
        .isEqualTo(expected);
  }

  @Test
  void theAmountToSendAlwaysCoversTheAmountWantedAndNoMinorUnitLess() {
    Random random = new Random(20261123L);
    Asset usd = asset("USD");
    Asset jpy = asset("JPY");
    for (int trial = 0; trial < 10_000; trial++) {
      BigDecimal rate = BigDecimal.valueOf(1 + random.nextInt(2_000_000_000), 7);
      long wanted = 1 + random.nextInt(100_000_000);
      long send = Conversion.amountToSend(wanted, usd, jpy, rate);
      assertThat(Conversion.convert(send, usd, jpy, rate)).isGreaterThanOrEqualTo(wanted);
      if (send > 1) {
        assertThat(Conversion.convert(send - 1, usd, jpy, rate)).isLessThan(wanted);
      }
    }
  }
}
