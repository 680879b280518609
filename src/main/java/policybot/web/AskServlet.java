package policybot.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.AnswerRecord;
import policybot.chat.ChatService;
import policybot.chat.LiveIndex;

/**
 * {@code POST /api/ask}: {"school", "question", "previous"?} in, the same answer record the batch
 * command writes out. Every failure is a JSON error with a status, never a stack trace.
 */
final class AskServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(AskServlet.class);

  /** A question is a few sentences; 16 KB leaves room for JSON escapes and non-Latin text. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  /** What a client is told to wait while the index is still loading. */
  static final int NOT_READY_RETRY_SECONDS = 5;

  private final transient ChatService chat;
  private final transient RateLimiter limiter;

  AskServlet(ChatService chat, RateLimiter limiter) {
    this.chat = chat;
    this.limiter = limiter;
  }

  /** The request body, once it has been read and checked. */
  private record AskRequest(String school, String question, Optional<String> previous) {}

  /** A request we answer with a 4xx and this code and message. */
  static final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;
    final String code;

    BadRequest(int status, String code, String message) {
      super(message, null, false, false);
      this.status = status;
      this.code = code;
    }
  }

  @Override
  protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
    long wait = limiter.acquire(req.getRemoteAddr());
    if (wait > 0) {
      res.setHeader("Retry-After", Long.toString(wait));
      JsonResponses.error(
          res, 429, "rate_limited", "Too many questions from this address; try again in " + wait + " s.");
      return;
    }
    AskRequest ask;
    try {
      ask = read(req);
    } catch (BadRequest e) {
      JsonResponses.error(res, e.status, e.code, e.getMessage());
      return;
    }
    try {
      ChatService.Reply reply = chat.ask(ask.school(), ask.question(), ask.previous());
      JsonResponses.write(res, 200, AnswerRecord.of(reply.id(), reply.answer(), reply.latencyMs()));
    } catch (LiveIndex.NotReadyException e) {
      res.setHeader("Retry-After", Integer.toString(NOT_READY_RETRY_SECONDS));
      JsonResponses.error(res, 503, "not_ready", "The policies are still loading; try again in a few seconds.");
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("answering failed");
      JsonResponses.error(res, 500, "internal", "Something went wrong answering that question.");
    }
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!"POST".equals(req.getMethod())) {
      res.setHeader("Allow", "POST");
      JsonResponses.error(res, 405, "method_not_allowed", "Send questions with POST.");
      return;
    }
    doPost(req, res);
  }

  private static AskRequest read(HttpServletRequest req) throws BadRequest, IOException {
    JsonNode json = readObject(req);
    String question = text(json, "question").orElseThrow(
        () -> new BadRequest(400, "bad_request", "\"question\" is required and must be a string."));
    String school = text(json, "school").orElse("");
    return new AskRequest(school, question, text(json, "previous"));
  }

  /** The body as a JSON object, or the 4xx that says what is wrong with it. */
  static JsonNode readObject(HttpServletRequest req) throws BadRequest, IOException {
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      // a cross-site form can only send form or text types; requiring JSON keeps it out
      throw new BadRequest(415, "unsupported_media_type", "Send the question as application/json.");
    }
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge();
    }
    byte[] body = readAtMost(req.getInputStream(), MAX_BODY_BYTES);
    JsonNode json;
    try {
      json = JsonResponses.JSON.readTree(body);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
      throw new BadRequest(400, "bad_json", "The body is not valid JSON" + where + ".");
    }
    if (json == null || !json.isObject()) {
      throw new BadRequest(400, "bad_request", "The body must be a JSON object like {\"school\": \"...\", \"question\": \"...\"}.");
    }
    return json;
  }

  /** A string field, absent or null meaning empty; any other type is a bad request. */
  static Optional<String> text(JsonNode json, String field) throws BadRequest {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw new BadRequest(400, "bad_request", "\"" + field + "\" must be a string.");
    }
    return Optional.of(node.asText());
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException, BadRequest {
    byte[] bytes = in.readNBytes(limit + 1);
    if (bytes.length > limit) {
      throw tooLarge();
    }
    return bytes;
  }

  private static BadRequest tooLarge() {
    return new BadRequest(413, "too_large", "The request is larger than " + MAX_BODY_BYTES / 1024 + " KB; ask a shorter question.");
  }
}
