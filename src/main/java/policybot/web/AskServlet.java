package policybot.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.AnswerRecord;
import policybot.chat.AutoEscalation;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.escalation.Asker;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;

/**
 * {@code POST /api/ask}: {"school", "question", "previous"?} in, the same answer record the batch
 * command writes out. Every failure is a JSON error with a status, never a stack trace.
 *
 * <p>A pure answering API, except for the chat page: a request carrying its "session" and
 * "request_id" has an escalated or safeguarding answer filed as a case (after the engine decided
 * so), with a "case" field after the record's own fields saying what became of it.
 */
final class AskServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(AskServlet.class);

  /** A question is a few sentences; 16 KB leaves room for JSON escapes and non-Latin text. */
  static final int MAX_BODY_BYTES = 16 * 1024;

  /**
   * Most of an over-long body read and dropped before the 413 is sent, so the connection closes
   * cleanly; anything bigger is cut off (a megabyte of question is not an honest mistake).
   */
  static final long MAX_DRAINED_BYTES = 1024 * 1024;

  /** What a client is told to wait while the index is still loading. */
  static final int NOT_READY_RETRY_SECONDS = 5;

  private final transient ChatService chat;
  private final transient RateLimiter limiter;
  /** Files the engine's escalations for the chat page; empty when the server has no store. */
  private final transient Optional<AutoEscalation> autoEscalation;

  AskServlet(ChatService chat, RateLimiter limiter, Optional<AutoEscalation> autoEscalation) {
    this.chat = chat;
    this.limiter = limiter;
    this.autoEscalation = autoEscalation;
  }

  /**
   * The request body, once it has been read and checked; {@code session} and {@code requestId}
   * are both present (the chat page) or both empty (an API caller).
   */
  private record AskRequest(
      String school, String question, Optional<String> previous, Optional<String> session, Optional<String> requestId) {}

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
      JsonResponses.rateLimited(res, wait, "questions");
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
      AnswerRecord record = AnswerRecord.of(reply.id(), reply.answer(), reply.latencyMs());
      if (ask.session().isEmpty() || autoEscalation.isEmpty() || !AutoEscalation.escalates(reply.answer())) {
        JsonResponses.write(res, 200, record);
        return;
      }
      String session = ask.session().get();
      Asker asker = new Asker(Platform.WEB, session, AskHeadServlet.WEB_ASKER_NAME, new ReplyTo.WebSession(session));
      // the key space the ask-head button uses: a press with the same request id finds this case
      AutoEscalation.Result filed = autoEscalation.get().fileIfEscalated(reply, asker, AskHeadServlet.key(session, ask.requestId().get()));
      ObjectNode body = JsonResponses.JSON.valueToTree(record);
      body.set("case", JsonResponses.JSON.valueToTree(caseField(filed)));
      JsonResponses.write(res, 200, body);
    } catch (LiveIndex.NotReadyException e) {
      JsonResponses.notReady(res);
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

  /**
   * What filing did, as /api/ask's "case" field and /api/ask-head's body: {"status": "sent" |
   * "already_sent" | "no_reviewers" | "failed", "case_id"}.
   */
  static Map<String, Object> caseField(AutoEscalation.Result filed) {
    Map<String, Object> c = new LinkedHashMap<>();
    if (filed instanceof AutoEscalation.Sent sent) {
      c.put("status", sent.repeated() ? "already_sent" : "sent");
      c.put("case_id", sent.filed().id());
    } else if (filed instanceof AutoEscalation.NoReviewers) {
      c.put("status", "no_reviewers");
      c.put("case_id", null);
    } else {
      c.put("status", "failed");
      c.put("case_id", null);
    }
    return c;
  }

  private static AskRequest read(HttpServletRequest req) throws BadRequest, IOException {
    JsonNode json = readObject(req);
    String question = text(json, "question").orElseThrow(
        () -> new BadRequest(400, "bad_request", "\"question\" is required and must be a string."));
    String school = text(json, "school").orElse("");
    Optional<String> session = id(json, "session");
    Optional<String> requestId = id(json, "request_id");
    if (session.isPresent() && requestId.isEmpty()) {
      throw new BadRequest(400, "bad_request", "With \"session\", send a \"request_id\" for this question too, so a retry is not filed twice.");
    }
    return new AskRequest(school, question, text(json, "previous"), session, session.isPresent() ? requestId : Optional.empty());
  }

  /** An optional id field: blank counts as absent; longer than the ask-head limit is a bad request. */
  private static Optional<String> id(JsonNode json, String field) throws BadRequest {
    Optional<String> value = text(json, field).map(String::strip).filter(v -> !v.isEmpty());
    if (value.isPresent() && value.get().length() > AskHeadServlet.MAX_ID_LENGTH) {
      throw new BadRequest(400, "bad_request", "\"" + field + "\" must be at most " + AskHeadServlet.MAX_ID_LENGTH + " characters.");
    }
    return value;
  }

  /** The body as a JSON object, or the 4xx that says what is wrong with it. */
  static JsonNode readObject(HttpServletRequest req) throws BadRequest, IOException {
    String type = req.getContentType() == null ? "" : req.getContentType().toLowerCase(Locale.ROOT);
    if (!type.startsWith("application/json")) {
      // a cross-site form can only send form or text types; requiring JSON keeps it out
      throw new BadRequest(415, "unsupported_media_type", "Send the question as application/json.");
    }
    if (req.getContentLengthLong() > MAX_BODY_BYTES) {
      throw tooLarge(req.getInputStream());
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
      throw tooLarge(in);
    }
    return bytes;
  }

  /**
   * The 413 for a body over {@link #MAX_BODY_BYTES}, after reading and dropping up to {@link
   * #MAX_DRAINED_BYTES} of what is left of it: a connection closed on a body still arriving is
   * reset, and the client may lose the 413 with it and see only a broken connection.
   */
  private static BadRequest tooLarge(InputStream body) throws IOException {
    long left = MAX_DRAINED_BYTES;
    byte[] sink = new byte[8192];
    int n;
    while (left > 0 && (n = body.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
      left -= n;
    }
    return new BadRequest(413, "too_large", "The request is larger than " + MAX_BODY_BYTES / 1024 + " KB; ask a shorter question.");
  }
}
