package io.coralbank.dialect.admin;

/**
 * An admin request refused with a status and the rule it broke as {@code code} (for example {@code
 * seconds_required}), rendered as problem details.
 */
class AdminProblem extends RuntimeException {

  private final int status;
  private final String code;

  AdminProblem(int status, String code, String detail) {
    super(detail, null, false, false);
    this.status = status;
    this.code = code;
  }

  static AdminProblem badRequest(String code, String detail) {
    return new AdminProblem(400, code, detail);
  }

  static AdminProblem notFound(String code, String detail) {
    return new AdminProblem(404, code, detail);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }
}
