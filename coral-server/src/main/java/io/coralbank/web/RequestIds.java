package io.coralbank.web;

import jakarta.servlet.http.HttpServletRequest;

/** Where the framework keeps the request id of the current request. */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  static final String ATTRIBUTE = RequestIds.class.getName() + ".requestId";
  static final String LOG_KEY = "requestId";

  private RequestIds() {}

  /** The id {@link RequestIdFilter} gave this request. */
  public static String of(HttpServletRequest request) {
    return (String) request.getAttribute(ATTRIBUTE);
  }
}
