package io.coralbank.dialect.cayman;

/** A refusal rendered as Cayman's error body, with the request's id. */
final class CaymanRefusal extends RuntimeException {

  private final int status;
  private final String code;

  CaymanRefusal(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static CaymanRefusal invalid(String message) {
    return new CaymanRefusal(400, "validation_error", message);
  }

  static CaymanRefusal notFound(String message) {
    return new CaymanRefusal(404, "not_found", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
