package io.coralbank.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAllowListTest {

  @ParameterizedTest(name = "{0} allows {1}: {2}")
  @CsvSource({
    "127.0.0.1/32,      127.0.0.1,       true",
    "127.0.0.1/32,      127.0.0.2,       false",
    "10.0.0.0/8,        10.255.3.4,      true",
    "10.0.0.0/8,        11.0.0.1,        false",
    "192.168.1.7,       192.168.1.7,     true",
    "192.168.1.0/25,    192.168.1.127,   true",
    "192.168.1.0/25,    192.168.1.128,   false",
    "0.0.0.0/0,         203.0.113.9,     true",
    "2001:db8::/32,     2001:db8:1::7,   true",
    "2001:db8::/32,     2001:db9::1,     false",
    "::1,               ::1,             true",
    "::1,               127.0.0.1,       false",
    "127.0.0.0/8,       ::ffff:127.0.0.1, true",
    "127.0.0.1/32,      not-an-address,  false",
  })
  void anAddressIsAllowedWhenAnEntryCoversIt(String entry, String address, boolean allowed) {
    assertThat(IpAllowList.parse(List.of(entry)).orElseThrow().allows(address)).isEqualTo(allowed);
  }

  @ParameterizedTest(name = "{0} is not a valid entry")
  @CsvSource({
    "localhost",
    "10.0.0.0/33",
    "2001:db8::/129",
    "10.0.0/8",
    "1.2.3.4/x",
    "1.2.3.4/8/9",
    "''",
    "example.com"
  })
  void entriesMustBeLiteralAddressesOrCidrBlocks(String entry) {
    assertThat(IpAllowList.isValidEntry(entry)).isFalse();
    assertThat(IpAllowList.parse(List.of("127.0.0.1", entry))).isEmpty();
  }
}
