package io.coralbank.kernel.checks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LuhnTest {

  @ParameterizedTest(name = "{0} gets check digit {1}")
  @CsvSource({"7992739871, 3", "100000001, 6", "0, 0", "424242424242424, 2"})
  void theCheckDigitMakesTheWholePass(String payload, int digit) {
    assertThat(Luhn.checkDigit(payload)).isEqualTo(digit);
    assertThat(Luhn.isValid(payload + digit)).isTrue();
  }

  @ParameterizedTest(name = "{0} passes: {1}")
  @CsvSource({
    "4242424242424242, true",
    "4000000000000002, true",
    "5555555555554444, true",
    "4242424242424241, false",
    "79927398710, false"
  })
  void aMistypedDigitFailsTheCheck(String number, boolean valid) {
    assertThat(Luhn.isValid(number)).isEqualTo(valid);
  }
}
