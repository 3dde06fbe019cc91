package io.coralbank.dialect.cayman;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cayman OpenAPI document, served at {@code <base path>/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class CaymanOpenApi {

  @Bean
  GroupedOpenApi caymanOpenApiGroup() {
    return GroupedOpenApi.builder()
        .group("cayman")
        .displayName("Cayman wallets API (Coral)")
        .packagesToScan(CaymanOpenApi.class.getPackageName())
        .addOpenApiCustomizer(
            openApi ->
                openApi.info(
                    new Info()
                        .title("Cayman wallets API (Coral)")
                        .version("v1")
                        .description(
                            "The Cayman Islands wallets API as served by Coral. See docs/api/cayman.md.")))
        .build();
  }
}
