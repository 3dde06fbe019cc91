package io.coralbank.identity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Addresses and CIDR blocks, IPv4 and IPv6, that a client may call from. An empty list is not the
 * same as no list: a client without a list may call from anywhere, a client with an empty list from
 * nowhere.
 */
public final class IpAllowList {

  // Literal addresses only: a host name here would make every request wait for DNS.
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

  private final List<Block> blocks;

  private record Block(byte[] network, int prefixLength) {}

  private IpAllowList(List<Block> blocks) {
    this.blocks = blocks;
  }

  /** The list, or empty when an entry is neither an address nor a CIDR block. */
  public static Optional<IpAllowList> parse(List<String> entries) {
    List<Block> blocks = new java.util.ArrayList<>();
    for (String entry : entries) {
      Optional<Block> block = block(entry);
      if (block.isEmpty()) {
        return Optional.empty();
      }
      blocks.add(block.get());
    }
    return Optional.of(new IpAllowList(List.copyOf(blocks)));
  }

  /** Whether {@code entry} is an address or a CIDR block. */
  public static boolean isValidEntry(String entry) {
    return block(entry).isPresent();
  }

  private static Optional<Block> block(String entry) {
    if (entry == null) {
      return Optional.empty();
    }
    String[] parts = entry.trim().split("/", -1);
    if (parts.length > 2) {
      return Optional.empty();
    }
    Optional<byte[]> address = literal(parts[0]);
    if (address.isEmpty()) {
      return Optional.empty();
    }
    int bits = address.get().length * 8;
    int prefix = bits;
    if (parts.length == 2) {
      try {
        prefix = Integer.parseInt(parts[1]);
      } catch (NumberFormatException notANumber) {
        return Optional.empty();
      }
      if (prefix < 0 || prefix > bits) {
        return Optional.empty();
      }
    }
    return Optional.of(new Block(address.get(), prefix));
  }

  private static Optional<byte[]> literal(String text) {
    if (text.isEmpty()
        || !LITERAL.matcher(text).matches()
        || (!text.contains(":") && text.chars().filter(c -> c == '.').count() != 3)) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text).getAddress());
    } catch (UnknownHostException invalid) {
      return Optional.empty();
    }
  }

  /** Whether {@code remoteAddress} (as the servlet container gives it) is allowed. */
  public boolean allows(String remoteAddress) {
    Optional<byte[]> address = literal(remoteAddress == null ? "" : remoteAddress);
    if (address.isEmpty()) {
      return false;
    }
    byte[] candidate = unmapped(address.get());
    for (Block block : blocks) {
      if (block.network().length == candidate.length && matches(block, candidate)) {
        return true;
      }
    }
    return false;
  }

  /** An IPv4 address written as IPv6 (::ffff:a.b.c.d) is matched as IPv4. */
  private static byte[] unmapped(byte[] address) {
    if (address.length != 16) {
      return address;
    }
    for (int index = 0; index < 10; index++) {
      if (address[index] != 0) {
        return address;
      }
    }
    if (address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
      return address;
    }
    return new byte[] {address[12], address[13], address[14], address[15]};
  }

  private static boolean matches(Block block, byte[] candidate) {
    int fullBytes = block.prefixLength() / 8;
    for (int index = 0; index < fullBytes; index++) {
      if (block.network()[index] != candidate[index]) {
        return false;
      }
    }
    int remainingBits = block.prefixLength() % 8;
    if (remainingBits == 0) {
      return true;
    }
    int mask = 0xff << (8 - remainingBits) & 0xff;
    return (block.network()[fullBytes] & mask) == (candidate[fullBytes] & mask);
  }
}
