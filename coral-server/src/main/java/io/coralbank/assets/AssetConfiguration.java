package io.coralbank.assets;

import io.coralbank.kernel.money.Asset;
import io.coralbank.kernel.money.AssetCatalogue;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link AssetCatalogue} of the server. */
@Configuration(proxyBeanMethods = false)
class AssetConfiguration {

  /**
   * The standard catalogue plus ETH at the configured scale. ETH's native 18 decimals would leave a
   * {@code long} room for only 9.2 ETH, so the bank chooses fewer (9, gwei, by default).
   */
  @Bean
  AssetCatalogue assetCatalogue(@Value("${coral.assets.eth-scale}") int ethScale) {
    if (ethScale < 0 || ethScale > 12) {
      throw new IllegalArgumentException("CORAL_ETH_SCALE must be from 0 to 12, not " + ethScale);
    }
    return AssetCatalogue.standard().with(new Asset("ETH", ethScale));
  }
}
