package io.coralbank.dialect.admin;

import io.coralbank.web.ProblemJson;
import io.coralbank.web.RenderedError;
import io.coralbank.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders the admin API's own request errors as problem details. */
@RestControllerAdvice(basePackageClasses = AdminSurface.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminExceptionHandler {

  @ExceptionHandler(InvalidAdminRequestException.class)
  ResponseEntity<Object> invalid(InvalidAdminRequestException invalid, HttpServletRequest request) {
    RenderedError error =
        ProblemJson.problem(400, invalid.code(), invalid.getMessage(), RequestIds.of(request));
    return ResponseEntity.status(error.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(error.body());
  }
}
