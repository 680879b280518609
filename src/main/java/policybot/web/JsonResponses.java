package policybot.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes JSON bodies, and the one shape every API error takes: {"error": code, "message": text}. */
final class JsonResponses {
  static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

  private JsonResponses() {}

  static void write(HttpServletResponse res, int status, Object body) throws IOException {
    res.setStatus(status);
    res.setContentType("application/json;charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    JSON.writeValue(res.getOutputStream(), body);
  }

  static void error(HttpServletResponse res, int status, String code, String message) throws IOException {
    Map<String, String> body = new LinkedHashMap<>();
    body.put("error", code);
    body.put("message", message);
    write(res, status, body);
  }

  /** A 429 with the seconds to wait: the client asked more often than its {@link RateLimiter} allows. */
  static void rateLimited(HttpServletResponse res, long waitSeconds, String what) throws IOException {
    res.setHeader("Retry-After", Long.toString(waitSeconds));
    error(res, 429, "rate_limited", "Too many " + what + " from this address; try again in " + waitSeconds + " s.");
  }

  /** A 503 while the index is still loading, with the seconds to wait before asking again. */
  static void notReady(HttpServletResponse res) throws IOException {
    res.setHeader("Retry-After", Integer.toString(AskServlet.NOT_READY_RETRY_SECONDS));
    error(res, 503, "not_ready", "The policies are still loading; try again in a few seconds.");
  }
}
