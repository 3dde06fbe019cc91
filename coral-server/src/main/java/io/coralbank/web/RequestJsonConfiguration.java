package io.coralbank.web;

import com.fasterxml.jackson.annotation.Nulls;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read, beyond what {@code spring.jackson.*} in application.yml can say.
 *
 * <p>A null inside a list or an object's values ({@code "permissions": [null]}) is refused as a
 * malformed body in every dialect. No documented field of the three APIs lists nulls, and a handler
 * that checks each element against a set or sorts them would otherwise fail on it as a server
 * error. A null field itself, or a missing one, is unchanged: each endpoint says what it requires.
 */
@Configuration(proxyBeanMethods = false)
class RequestJsonConfiguration {

  @Bean
  JsonMapperBuilderCustomizer nullElementsAreRefused() {
    return builder ->
        builder.changeDefaultNullHandling(handling -> handling.withContentNulls(Nulls.FAIL));
  }
}
