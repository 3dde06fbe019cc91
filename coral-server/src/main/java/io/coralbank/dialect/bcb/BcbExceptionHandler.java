package io.coralbank.dialect.bcb;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders BCB's refusals of business rules in BCB's error shape. */
@RestControllerAdvice(basePackageClasses = BcbSurface.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BcbExceptionHandler {

  @ExceptionHandler(BcbRejections.Refusal.class)
  ResponseEntity<BcbErrorResponse> refusal(BcbRejections.Refusal refusal) {
    return ResponseEntity.status(refusal.status())
        .contentType(MediaType.APPLICATION_JSON)
        .body(refusal.body());
  }
}
