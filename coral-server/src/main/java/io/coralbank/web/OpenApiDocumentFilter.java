package io.coralbank.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves each dialect's OpenAPI document at {@code <base path>/openapi.json}, where an integrator
 * looks for it, by forwarding to the springdoc group of the same name. The documents need no
 * credentials: they describe the API, they hold no data.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class OpenApiDocumentFilter extends OncePerRequestFilter {

  private final DialectRegistry registry;

  OpenApiDocumentFilter(DialectRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if ("GET".equals(request.getMethod())) {
      for (MountedDialect mounted : registry.dialects()) {
        if (request.getRequestURI().equals(mounted.openApiDocumentPath())) {
          request
              .getRequestDispatcher("/v3/api-docs/" + mounted.surface().name())
              .forward(request, response);
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
