package io.coralbank.assets;

import io.coralbank.kernel.money.AssetCatalogue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link AssetCatalogue} of the server. */
@Configuration(proxyBeanMethods = false)
class AssetConfiguration {

  @Bean
  AssetCatalogue assetCatalogue() {
    return AssetCatalogue.standard();
  }
}
