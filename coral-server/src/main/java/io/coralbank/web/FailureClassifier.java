package io.coralbank.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpMethod;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;

/**
 * Decides which {@link FailureKind} an exception from the HTTP layer is, with a detail sentence
 * written here rather than copied from the exception, so no internal text reaches a client.
 */
final class FailureClassifier {

  private FailureClassifier() {}

  static RequestFailure classify(Throwable exception) {
    if (causedBy(exception, BodyTooLargeException.class)
        || exception instanceof MaxUploadSizeExceededException) {
      return RequestFailure.of(
          FailureKind.BODY_TOO_LARGE, "The request body is larger than this server accepts.");
    }
    if (causedBy(exception, NulCharacterFilter.NulCharacterInBody.class)) {
      return NulCharacterFilter.bodyRefused();
    }
    return switch (exception) {
      case RequestRefused refused -> refused.failure();
      case NoHandlerFoundException notFound -> routeNotFound();
      case NoResourceFoundException notFound -> routeNotFound();
      case HttpRequestMethodNotSupportedException wrongMethod ->
          new RequestFailure(
              FailureKind.METHOD_NOT_ALLOWED,
              "The method " + wrongMethod.getMethod() + " is not allowed on this path.",
              allowed(wrongMethod.getSupportedHttpMethods()));
      case HttpMediaTypeNotSupportedException wrongType ->
          RequestFailure.of(
              FailureKind.UNSUPPORTED_MEDIA_TYPE,
              "The request body must be sent as "
                  + wrongType.getSupportedMediaTypes().stream()
                      .map(Object::toString)
                      .collect(Collectors.joining(" or "))
                  + ".");
      case HttpMediaTypeNotAcceptableException notAcceptable ->
          RequestFailure.of(
              FailureKind.NOT_ACCEPTABLE,
              "This endpoint can answer only as "
                  + notAcceptable.getSupportedMediaTypes().stream()
                      .map(Object::toString)
                      .collect(Collectors.joining(" or "))
                  + ".");
      case HttpMessageNotReadableException unreadable ->
          RequestFailure.of(FailureKind.MALFORMED_REQUEST, unreadableBody(unreadable));
      case MissingServletRequestParameterException missing ->
          RequestFailure.of(
              FailureKind.MALFORMED_REQUEST,
              "The query parameter " + missing.getParameterName() + " is required.");
      case MissingRequestHeaderException missing ->
          RequestFailure.of(
              FailureKind.MALFORMED_REQUEST,
              "The header " + missing.getHeaderName() + " is required.");
      case MethodArgumentTypeMismatchException mismatch ->
          RequestFailure.of(
              FailureKind.MALFORMED_REQUEST,
              "The parameter " + mismatch.getName() + " is invalid.");
      case MethodArgumentNotValidException invalid ->
          RequestFailure.of(FailureKind.MALFORMED_REQUEST, "The request body is invalid.");
      case ErrorResponse other -> byStatus(other.getStatusCode().value());
      default -> internalError();
    };
  }

  /**
   * Names the field when the body was JSON of the right shape but for a null inside a list or map,
   * which the reader refuses (RequestJsonConfiguration); the path is the client's own field names.
   */
  private static String unreadableBody(HttpMessageNotReadableException unreadable) {
    for (Throwable cause = unreadable; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidNullException invalidNull && !invalidNull.getPath().isEmpty()) {
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : invalidNull.getPath()) {
          if (step.getPropertyName() != null) {
            field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
          } else if (step.getIndex() >= 0) {
            field.append('[').append(step.getIndex()).append(']');
          }
        }
        return field + " must not be null.";
      }
    }
    return "The request body is missing or is not valid JSON of the expected shape.";
  }

  /** For failures known only by status, as on Tomcat's error dispatch. */
  static RequestFailure byStatus(int status) {
    return switch (status) {
      case 401 -> RequestFailure.of(FailureKind.NOT_AUTHENTICATED, "Authentication failed.");
      case 403 -> RequestFailure.of(FailureKind.NOT_PERMITTED, "The request is not permitted.");
      case 404 -> routeNotFound();
      case 405 -> RequestFailure.of(FailureKind.METHOD_NOT_ALLOWED, "The method is not allowed.");
      case 406 ->
          RequestFailure.of(
              FailureKind.NOT_ACCEPTABLE, "No acceptable representation is available.");
      case 413 ->
          RequestFailure.of(
              FailureKind.BODY_TOO_LARGE, "The request body is larger than this server accepts.");
      case 415 ->
          RequestFailure.of(
              FailureKind.UNSUPPORTED_MEDIA_TYPE,
              "The request body's content type is not supported.");
      default ->
          status >= 400 && status < 500
              ? RequestFailure.of(FailureKind.MALFORMED_REQUEST, "The request is invalid.")
              : internalError();
    };
  }

  static RequestFailure internalError() {
    return RequestFailure.of(
        FailureKind.INTERNAL_ERROR,
        "An unexpected error occurred. Quote the request id when reporting it.");
  }

  private static RequestFailure routeNotFound() {
    return RequestFailure.of(FailureKind.ROUTE_NOT_FOUND, "No endpoint exists at this path.");
  }

  private static Set<String> allowed(Set<HttpMethod> methods) {
    return methods == null
        ? Set.of()
        : methods.stream().map(HttpMethod::name).collect(Collectors.toSet());
  }

  private static boolean causedBy(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
