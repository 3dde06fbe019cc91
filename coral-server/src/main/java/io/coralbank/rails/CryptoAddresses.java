package io.coralbank.rails;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.jcajce.provider.digest.Keccak;

/**
 * Checks crypto addresses by their network's format and checksum, so a typo is refused before any
 * money is held: Bitcoin Base58Check (P2PKH, P2SH), bech32 (SegWit v0) and bech32m (v1 and later,
 * Taproot), mainnet and testnet; Ethereum hex addresses with the EIP-55 mixed-case checksum.
 */
public final class CryptoAddresses {

  private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  private static final String BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int BECH32_CONSTANT = 1;
  private static final int BECH32M_CONSTANT = 0x2bc830a3;

  /** Version bytes of P2PKH and P2SH addresses on mainnet and testnet. */
  private static final int[] BASE58_VERSIONS = {0x00, 0x05, 0x6f, 0xc4};

  private CryptoAddresses() {}

  public static boolean isBitcoin(String address) {
    if (address == null || address.isEmpty() || address.length() > 90) {
      return false;
    }
    String lower = address.toLowerCase(Locale.ROOT);
    if (lower.startsWith("bc1") || lower.startsWith("tb1")) {
      return isSegwit(address);
    }
    return isBase58Check(address);
  }

  /**
   * A {@code 0x} address of 40 hex digits. All lower or all upper case carries no checksum and is
   * accepted, as EIP-55 allows; mixed case must match the checksum exactly.
   */
  public static boolean isEthereum(String address) {
    if (address == null || address.length() != 42 || !address.startsWith("0x")) {
      return false;
    }
    String hex = address.substring(2);
    if (!hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      return false;
    }
    if (hex.equals(hex.toLowerCase(Locale.ROOT)) || hex.equals(hex.toUpperCase(Locale.ROOT))) {
      return true;
    }
    return hex.equals(eip55(hex));
  }

  /** The EIP-55 spelling of a 40-digit hex address. */
  static String eip55(String hex) {
    String lower = hex.toLowerCase(Locale.ROOT);
    byte[] hash = new Keccak.Digest256().digest(lower.getBytes(StandardCharsets.US_ASCII));
    StringBuilder spelled = new StringBuilder(40);
    for (int index = 0; index < lower.length(); index++) {
      char c = lower.charAt(index);
      int nibble = (hash[index / 2] >> (index % 2 == 0 ? 4 : 0)) & 0x0f;
      spelled.append(Character.isLetter(c) && nibble >= 8 ? Character.toUpperCase(c) : c);
    }
    return spelled.toString();
  }

  private static boolean isBase58Check(String address) {
    BigInteger value = BigInteger.ZERO;
    for (char c : address.toCharArray()) {
      int digit = BASE58.indexOf(c);
      if (digit < 0) {
        return false;
      }
      value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
    }
    int leadingZeros = 0;
    while (leadingZeros < address.length() && address.charAt(leadingZeros) == '1') {
      leadingZeros++;
    }
    byte[] magnitude = value.toByteArray();
    if (magnitude.length > 0 && magnitude[0] == 0) {
      magnitude = Arrays.copyOfRange(magnitude, 1, magnitude.length);
    }
    byte[] decoded = new byte[leadingZeros + magnitude.length];
    System.arraycopy(magnitude, 0, decoded, leadingZeros, magnitude.length);
    if (decoded.length != 25) {
      return false;
    }
    int version = decoded[0] & 0xff;
    if (Arrays.stream(BASE58_VERSIONS).noneMatch(allowed -> allowed == version)) {
      return false;
    }
    byte[] payload = Arrays.copyOfRange(decoded, 0, 21);
    byte[] checksum = Arrays.copyOf(sha256(sha256(payload)), 4);
    return Arrays.equals(checksum, Arrays.copyOfRange(decoded, 21, 25));
  }

  private static boolean isSegwit(String address) {
    if (!address.equals(address.toLowerCase(Locale.ROOT))
        && !address.equals(address.toUpperCase(Locale.ROOT))) {
      return false; // BIP-173: mixed case is invalid
    }
    String text = address.toLowerCase(Locale.ROOT);
    int separator = text.lastIndexOf('1');
    String humanPart = text.substring(0, separator);
    if (!humanPart.equals("bc") && !humanPart.equals("tb")) {
      return false;
    }
    int[] data = new int[text.length() - separator - 1];
    if (data.length < 7) {
      return false;
    }
    for (int index = 0; index < data.length; index++) {
      data[index] = BECH32.indexOf(text.charAt(separator + 1 + index));
      if (data[index] < 0) {
        return false;
      }
    }
    int witnessVersion = data[0];
    if (witnessVersion > 16) {
      return false;
    }
    int residue = polymod(humanPart, data);
    int expected = witnessVersion == 0 ? BECH32_CONSTANT : BECH32M_CONSTANT;
    if (residue != expected) {
      return false;
    }
    byte[] program = fromFiveBits(Arrays.copyOfRange(data, 1, data.length - 6));
    if (program == null || program.length < 2 || program.length > 40) {
      return false;
    }
    return witnessVersion != 0 || program.length == 20 || program.length == 32;
  }

  private static int polymod(String humanPart, int[] data) {
    int[] generator = {0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3};
    int checksum = 1;
    int[] expanded = new int[humanPart.length() * 2 + 1 + data.length];
    int position = 0;
    for (char c : humanPart.toCharArray()) {
      expanded[position++] = c >> 5;
    }
    expanded[position++] = 0;
    for (char c : humanPart.toCharArray()) {
      expanded[position++] = c & 31;
    }
    System.arraycopy(data, 0, expanded, position, data.length);
    for (int value : expanded) {
      int top = checksum >>> 25;
      checksum = ((checksum & 0x1ffffff) << 5) ^ value;
      for (int bit = 0; bit < 5; bit++) {
        if (((top >>> bit) & 1) == 1) {
          checksum ^= generator[bit];
        }
      }
    }
    return checksum;
  }

  /** Regroups 5-bit values into bytes; null when the padding is not zero or too long (BIP-173). */
  private static byte[] fromFiveBits(int[] values) {
    int accumulator = 0;
    int bits = 0;
    byte[] out = new byte[values.length * 5 / 8];
    int position = 0;
    for (int value : values) {
      accumulator = (accumulator << 5) | value;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out[position++] = (byte) ((accumulator >> bits) & 0xff);
      }
    }
    if (bits >= 5 || ((accumulator << (8 - bits)) & 0xff) != 0) {
      return null;
    }
    return Arrays.copyOf(out, position);
  }

  private static byte[] sha256(byte[] input) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(input);
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
