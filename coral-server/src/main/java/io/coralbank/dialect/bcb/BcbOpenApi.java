package io.coralbank.dialect.bcb;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bcb OpenAPI document, served at {@code <base path>/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class BcbOpenApi {

  @Bean
  GroupedOpenApi bcbOpenApiGroup() {
    return GroupedOpenApi.builder()
        .group("bcb")
        .displayName("BCB Open Banking API (Coral)")
        .packagesToScan(BcbOpenApi.class.getPackageName())
        .addOpenApiCustomizer(
            openApi ->
                openApi.info(
                    new Info()
                        .title("BCB Open Banking API (Coral)")
                        .version("v1")
                        .description(
                            "The Bermuda Commercial Bank Open Banking API as served by Coral. See docs/api/bcb.md.")))
        .build();
  }
}
