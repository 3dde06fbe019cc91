package io.coralbank.dialect.vaultspay;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vaultspay OpenAPI document, served at {@code <base path>/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class VaultsPayOpenApi {

  @Bean
  GroupedOpenApi vaultspayOpenApiGroup() {
    return GroupedOpenApi.builder()
        .group("vaultspay")
        .displayName("VaultsPay BaaS API (Coral)")
        .packagesToScan(VaultsPayOpenApi.class.getPackageName())
        .addOpenApiCustomizer(
            openApi ->
                openApi.info(
                    new Info()
                        .title("VaultsPay BaaS API (Coral)")
                        .version("v1")
                        .description(
                            "The VaultsPay issuing API (SaaS generation) as served by Coral. See docs/api/vaultspay.md.")))
        .build();
  }
}
