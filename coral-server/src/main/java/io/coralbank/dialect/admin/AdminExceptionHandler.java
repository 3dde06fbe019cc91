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

/** Renders the admin API's own refusals as problem details. */
@RestControllerAdvice(basePackageClasses = AdminSurface.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminExceptionHandler {

  @ExceptionHandler(AdminProblem.class)
  ResponseEntity<Object> problem(AdminProblem problem, HttpServletRequest request) {
    RenderedError error =
        ProblemJson.problem(
            problem.status(), problem.code(), problem.getMessage(), RequestIds.of(request));
    return ResponseEntity.status(error.status())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(error.body());
  }
}
