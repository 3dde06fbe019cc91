package io.coralbank.dialect.admin;

import io.swagger.v3.oas.models.info.Info;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The admin OpenAPI document, served at {@code <base path>/openapi.json}. */
@Configuration(proxyBeanMethods = false)
class AdminOpenApi {

  @Bean
  GroupedOpenApi adminOpenApiGroup() {
    return GroupedOpenApi.builder()
        .group("admin")
        .displayName("Coral admin API")
        .packagesToScan(AdminOpenApi.class.getPackageName())
        .addOpenApiCustomizer(
            openApi ->
                openApi.info(
                    new Info()
                        .title("Coral admin API")
                        .version("v1")
                        .description(
                            "Coral's operator API. See docs/admin-api.md and docs/api/admin.md.")))
        .build();
  }
}
