package io.coralbank.rails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DestinationChecksTest {

  @ParameterizedTest(name = "{0} is a bitcoin address: {1}")
  @CsvSource({
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2, true",
    "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy, true",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, true",
    "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4, true",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0, true",
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3, false",
    "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN0, false",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5, false",
    "Bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, false",
    "ltc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4, false",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, false",
  })
  void bitcoinAddressesAreCheckedByFormatAndChecksum(String address, boolean valid) {
    assertThat(CryptoAddresses.isBitcoin(address)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} is an ethereum address: {1}")
  @CsvSource({
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, true",
    "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359, true",
    "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB, true",
    "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed, true",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD, false",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA, false",
    "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed00, false",
    "0xZaAeb6053F3E94C9b9A09f33669435E7Ef1BeAed, false",
  })
  void ethereumAddressesAreCheckedByFormatAndEip55(String address, boolean valid) {
    assertThat(CryptoAddresses.isEthereum(address)).isEqualTo(valid);
  }

  @ParameterizedTest(name = "{0} is an IBAN: {1}")
  @CsvSource({
    "DE89370400440532013000, true",
    "DE89 3704 0044 0532 0130 00, true",
    "gb29nwbk60161331926819, true",
    "DE89370400440532013001, false",
    "DE8937040044053201300, false",
    "XX89370400440532013000, false",
  })
  void ibansAreCheckedByCountryFormatAndCheckDigits(String iban, boolean valid) {
    assertThat(Ibans.normalize(iban).isPresent()).isEqualTo(valid);
  }
}
