package io.coralbank.dialect.admin;

/**
 * A request to the admin API whose shape is wrong, with the rule it broke as {@code code} (for
 * example {@code seconds_must_be_positive}).
 */
class InvalidAdminRequestException extends RuntimeException {

  private final String code;

  InvalidAdminRequestException(String code, String detail) {
    super(detail);
    this.code = code;
  }

  String code() {
    return code;
  }
}
