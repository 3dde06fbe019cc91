package io.coralbank.dialect.cayman;

import io.coralbank.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders Cayman's refusals of business rules in Cayman's error shape. */
@RestControllerAdvice(basePackageClasses = CaymanSurface.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CaymanExceptionHandler {

  @ExceptionHandler(CaymanRefusal.class)
  ResponseEntity<CaymanErrorResponse> refusal(CaymanRefusal refusal, HttpServletRequest request) {
    return ResponseEntity.status(refusal.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(
            new CaymanErrorResponse(
                new CaymanErrorResponse.Error(
                    refusal.code(), refusal.getMessage(), RequestIds.of(request))));
  }
}
