package io.coralbank.kernel.money;

import java.util.regex.Pattern;

/**
 * Something an account holds: a currency or a crypto asset, with the number of decimal places its
 * minor unit has (USD 2, JPY 0, KWD 3, BTC 8).
 *
 * @param code upper-case code such as {@code USD} or {@code BTC}
 * @param scale decimal places of the minor unit, 0 to 18
 */
public record Asset(String code, int scale) {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]{1,9}");

  public Asset {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("Asset code must be 2 to 10 upper-case letters or digits");
    }
    if (scale < 0 || scale > 18) {
      throw new IllegalArgumentException("Asset scale must be from 0 to 18");
    }
  }

  @Override
  public String toString() {
    return code;
  }
}
