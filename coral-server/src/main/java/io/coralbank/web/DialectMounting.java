package io.coralbank.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerTypePredicate;
import org.springframework.web.servlet.config.annotation.PathMatchConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Mounts each dialect's controllers under its base path, so a controller declares the path of its
 * documentation ({@code /v1/accounts}) and the operator decides where the dialect lives.
 */
@Configuration(proxyBeanMethods = false)
class DialectMounting implements WebMvcConfigurer {

  private final DialectRegistry registry;

  DialectMounting(DialectRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void configurePathMatch(PathMatchConfigurer configurer) {
    for (MountedDialect mounted : registry.dialects()) {
      if (!mounted.basePath().isEmpty()) {
        configurer.addPathPrefix(
            mounted.basePath(),
            HandlerTypePredicate.forBasePackage(mounted.surface().controllerPackage()));
      }
    }
  }
}
