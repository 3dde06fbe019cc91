package io.coralbank.dialect.bcb;

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

/** Puts the access check in front of every BCB handler and hands handlers their caller. */
@Configuration(proxyBeanMethods = false)
class BcbWebConfiguration implements WebMvcConfigurer {

  private final BcbAccessInterceptor access;

  BcbWebConfiguration(BcbAccessInterceptor access) {
    this.access = access;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(access);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(
        new HandlerMethodArgumentResolver() {
          @Override
          public boolean supportsParameter(MethodParameter parameter) {
            return parameter.getParameterType() == BcbCaller.class;
          }

          @Override
          public Object resolveArgument(
              MethodParameter parameter,
              ModelAndViewContainer container,
              NativeWebRequest request,
              WebDataBinderFactory binders) {
            Object caller =
                request.getAttribute(BcbCaller.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            if (caller == null) {
              throw new IllegalStateException("A BCB handler asked for its caller without a token");
            }
            return caller;
          }
        });
  }
}
