package io.coralbank.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the access check and the rate limit in front of every dialect handler and hands handlers
 * their caller.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfiguration implements WebMvcConfigurer {

  private final AccessInterceptor access;
  private final RateLimitInterceptor rateLimits;
  private final IdempotencyInterceptor idempotency;

  AccessConfiguration(
      AccessInterceptor access,
      RateLimitInterceptor rateLimits,
      IdempotencyInterceptor idempotency) {
    this.access = access;
    this.rateLimits = rateLimits;
    this.idempotency = idempotency;
  }

  /**
   * Access first, so a rate limit counts per client and an idempotency key belongs to a principal;
   * then the limit; then the key, nearest the handler, so its transaction spans only the handler.
   */
  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(access).order(0);
    registry.addInterceptor(rateLimits).order(1);
    registry.addInterceptor(idempotency).order(2);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == Caller.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer container,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            Object caller = request.getAttribute(Caller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (caller == null) {
              throw new IllegalStateException("A handler asked for its caller on a public path");
            }
            return caller;
          }
        });
  }
}
