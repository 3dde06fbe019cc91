package io.coralbank.kernel.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coralbank.kernel.money.InvalidAmountException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {

  private static final AssetCatalogue assets = AssetCatalogue.standard();

  private static Asset asset(String code) {
    return assets.find(code).orElseThrow();
  }

  @ParameterizedTest(name = "{0} {1} is {2} minor units")
  @CsvSource({
    "USD, 250.00,      25000",
    "USD, 250.5,       25050",
    "USD, 250,         25000",
    "USD, 0,           0",
    "USD, 0.01,        1",
    "JPY, 1500,        1500",
    "KWD, 1.234,       1234",
    "BHD, 0.001,       1",
    "BTC, 0.42350000,  42350000",
    "BTC, 21000000,    2100000000000000",
    "USD, 92233720368547758.07, 9223372036854775807",
  })
  void validAmountsParseExactly(String code, String text, long minorUnits) throws Exception {
    assertThat(Amounts.parse(text, asset(code))).isEqualTo(minorUnits);
  }

  @ParameterizedTest(name = "{0} \"{1}\" is refused: {2}")
  @CsvSource(
      value = {
        "USD|''|AMOUNT_MUST_NOT_BE_BLANK",
        "USD|'   '|AMOUNT_MUST_NOT_BE_BLANK",
        "USD|1e3|AMOUNT_MUST_NOT_USE_AN_EXPONENT",
        "USD|1.5E2|AMOUNT_MUST_NOT_USE_AN_EXPONENT",
        "USD|-1.00|AMOUNT_MUST_NOT_HAVE_A_SIGN",
        "USD|+1.00|AMOUNT_MUST_NOT_HAVE_A_SIGN",
        "USD|1.001|AMOUNT_HAS_TOO_MANY_DECIMALS",
        "USD|1.000|AMOUNT_HAS_TOO_MANY_DECIMALS",
        "JPY|1.0|AMOUNT_HAS_TOO_MANY_DECIMALS",
        "BTC|0.000000001|AMOUNT_HAS_TOO_MANY_DECIMALS",
        "USD|92233720368547758.08|AMOUNT_IS_TOO_LARGE",
        "USD|99999999999999999999999|AMOUNT_IS_TOO_LARGE",
        "USD|' 1.00'|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|'1.00 '|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|1,000.00|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|.50|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|1.|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|01.00|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|1.2.3|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|abc|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|ten|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|1e|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|2E-3|AMOUNT_MUST_NOT_USE_AN_EXPONENT",
        "USD|0x10|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|NaN|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
        "USD|١٢|AMOUNT_MUST_BE_A_DECIMAL_NUMBER",
      },
      delimiter = '|')
  void invalidAmountsAreRefusedWithTheRuleTheyBreak(String code, String text, Reason reason) {
    assertThatThrownBy(() -> Amounts.parse(text, asset(code)))
        .isInstanceOf(InvalidAmountException.class)
        .extracting(failure -> ((InvalidAmountException) failure).reason())
        .isEqualTo(reason);
  }

  @Test
  void aNullAmountIsBlank() {
    assertThatThrownBy(() -> Amounts.parse(null, asset("USD")))
        .extracting(failure -> ((InvalidAmountException) failure).reason())
        .isEqualTo(Reason.AMOUNT_MUST_NOT_BE_BLANK);
  }

  @Test
  void aSignedAmountMayCarryAMinusButNeverAPlus() throws Exception {
    assertThat(Amounts.parseSigned("-12.34", asset("USD"))).isEqualTo(-1234);
    assertThatThrownBy(() -> Amounts.parseSigned("+12.34", asset("USD")))
        .extracting(failure -> ((InvalidAmountException) failure).reason())
        .isEqualTo(Reason.AMOUNT_MUST_NOT_HAVE_A_SIGN);
  }

  @ParameterizedTest(name = "{1} minor units of {0} render as {2}")
  @CsvSource({
    "USD, 25000, 250.00",
    "USD, 5, 0.05",
    "USD, 0, 0.00",
    "USD, -1234, -12.34",
    "USD, -5, -0.05",
    "JPY, 1500, 1500",
    "KWD, 1234, 1.234",
    "BTC, 42350000, 0.42350000",
    "USD, 9223372036854775807, 92233720368547758.07",
    "USD, -9223372036854775808, -92233720368547758.08",
  })
  void amountsRenderWithExactlyTheAssetsDecimals(String code, long minorUnits, String text) {
    assertThat(Amounts.format(minorUnits, asset(code))).isEqualTo(text);
  }

  @Test
  void everyRenderedAmountParsesBackToItself() throws Exception {
    java.util.Random random = new java.util.Random(20261121L);
    for (Asset asset : new Asset[] {asset("USD"), asset("JPY"), asset("KWD"), asset("BTC")}) {
      for (int trial = 0; trial < 10_000; trial++) {
        long minorUnits = random.nextLong() & Long.MAX_VALUE;
        assertThat(Amounts.parse(Amounts.format(minorUnits, asset), asset)).isEqualTo(minorUnits);
      }
    }
  }

  @Test
  void theCatalogueKnowsIsoMinorUnitsAndCryptoScales() {
    assertThat(asset("USD").scale()).isEqualTo(2);
    assertThat(asset("BMD").scale()).isEqualTo(2);
    assertThat(asset("JPY").scale()).isEqualTo(0);
    assertThat(asset("KWD").scale()).isEqualTo(3);
    assertThat(asset("BTC").scale()).isEqualTo(8);
    assertThat(assets.find("usd")).contains(asset("USD"));
    assertThat(assets.find("XAU")).isEmpty();
    assertThat(assets.with(new Asset("ETH", 8)).find("ETH")).contains(new Asset("ETH", 8));
  }

  @Test
  void moneyRefusesToMixAssetsAndToOverflow() {
    Money dollars = new Money(asset("USD"), Long.MAX_VALUE);
    assertThatThrownBy(() -> dollars.plus(new Money(asset("EUR"), 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> dollars.plus(new Money(asset("USD"), 1)))
        .isInstanceOf(ArithmeticException.class);
    assertThat(new Money(asset("USD"), 1050).toString()).isEqualTo("10.50 USD");
  }
}
