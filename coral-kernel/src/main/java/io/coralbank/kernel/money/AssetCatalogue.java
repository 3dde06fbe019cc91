package io.coralbank.kernel.money;

import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The assets Coral knows. Fiat currencies come from ISO 4217 with their official minor units;
 * crypto assets are added with the scale the bank chooses.
 *
 * <p>A crypto asset's scale must leave room in a {@code long}: with 8 decimals the largest amount
 * is about 92 billion units, with 18 it would be 9.2 units, which is why ETH is not offered at its
 * native 18 decimals.
 */
public final class AssetCatalogue {

  /** Crypto assets available by default, with their scale in Coral. */
  public static final Map<String, Integer> DEFAULT_CRYPTO = Map.of("BTC", 8, "USDC", 6, "USDT", 6);

  private final Map<String, Asset> assets;

  private AssetCatalogue(Map<String, Asset> assets) {
    this.assets = Collections.unmodifiableMap(assets);
  }

  /** Every ISO 4217 currency with a defined minor unit, plus {@link #DEFAULT_CRYPTO}. */
  public static AssetCatalogue standard() {
    Map<String, Asset> assets = new TreeMap<>();
    for (Currency currency : Currency.getAvailableCurrencies()) {
      int digits = currency.getDefaultFractionDigits();
      // Precious metals, testing and fund codes have no minor unit (-1): they are not money here.
      if (digits >= 0) {
        assets.put(currency.getCurrencyCode(), new Asset(currency.getCurrencyCode(), digits));
      }
    }
    DEFAULT_CRYPTO.forEach((code, scale) -> assets.put(code, new Asset(code, scale)));
    return new AssetCatalogue(assets);
  }

  /** This catalogue with {@code asset} added or its scale replaced. */
  public AssetCatalogue with(Asset asset) {
    Map<String, Asset> copy = new TreeMap<>(assets);
    copy.put(asset.code(), asset);
    return new AssetCatalogue(copy);
  }

  /** The asset with this code, ignoring case. */
  public Optional<Asset> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(assets.get(code.toUpperCase(Locale.ROOT)));
  }

  public Collection<Asset> all() {
    return assets.values();
  }
}
