package io.coralbank.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * RFC 9457 problem details with Coral's extra members {@code code} (a stable, machine-readable rule
 * name) and {@code requestId}. The {@code type} is {@code about:blank}, so {@code title} is the
 * status's reason phrase, as the RFC asks.
 */
public final class ProblemJson {

  private ProblemJson() {}

  public static RenderedError problem(int status, String code, String detail, String requestId) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", HttpStatus.valueOf(status).getReasonPhrase());
    problem.put("status", status);
    problem.put("detail", detail);
    problem.put("code", code);
    problem.put("requestId", requestId);
    return new RenderedError(status, MediaType.APPLICATION_PROBLEM_JSON, problem);
  }
}
