package policybot.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.Answer;
import policybot.chat.AutoEscalation;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.escalation.Asker;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.web.AskServlet.BadRequest;

/**
 * {@code POST /api/ask-head}: {"school", "question", "previous"?, "session", "request_id"} in; the
 * question is answered again and filed as a case for the head, and the reply is sent only once the
 * case is committed: {"status": "sent" | "already_sent" | "no_reviewers", "case_id"}.
 */
final class AskHeadServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(AskHeadServlet.class);

  /**
   * Longest session or request id accepted. Both go into the idempotency key, which {@link
   * CaseRequest#MAX_KEY_LENGTH} bounds; a UUID is 36 characters.
   */
  static final int MAX_ID_LENGTH = 90;

  /** What a reviewer sees as the asker's name: the web chat has no logins yet. */
  static final String WEB_ASKER_NAME = "Web chat";

  private final transient ChatService chat;
  private final transient AutoEscalation filing;
  private final transient RateLimiter limiter;

  AskHeadServlet(ChatService chat, AutoEscalation filing, RateLimiter limiter) {
    this.chat = chat;
    this.filing = filing;
    this.limiter = limiter;
  }

  private record AskHead(String school, String question, Optional<String> previous, String session, String requestId) {}

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if (!"POST".equals(req.getMethod())) {
      res.setHeader("Allow", "POST");
      JsonResponses.error(res, 405, "method_not_allowed", "Send the question with POST.");
      return;
    }
    long wait = limiter.acquire(req.getRemoteAddr());
    if (wait > 0) {
      JsonResponses.rateLimited(res, wait, "requests");
      return;
    }
    AskHead ask;
    try {
      ask = read(req);
    } catch (BadRequest e) {
      JsonResponses.error(res, e.status, e.code, e.getMessage());
      return;
    }
    try {
      ChatService.Reply reply = chat.ask(ask.school(), ask.question(), ask.previous());
      if (reply.answer() instanceof Answer.Refused) {
        JsonResponses.error(res, 422, "not_sendable", reply.answer().text());
        return;
      }
      Asker asker = new Asker(Platform.WEB, ask.session(), WEB_ASKER_NAME, new ReplyTo.WebSession(ask.session()));
      // through Escalations, so the reviewer is told (Slack) once the case is committed
      AutoEscalation.Result filed = filing.file(reply, asker, Origin.WEB_BUTTON, key(ask.session(), ask.requestId()));
      if (filed instanceof AutoEscalation.Failed) {
        JsonResponses.error(res, 500, "internal", "The question could not be sent to the head. Nothing was sent; try again.");
        return;
      }
      JsonResponses.write(res, 200, AskServlet.caseField(filed));
    } catch (LiveIndex.NotReadyException e) {
      JsonResponses.notReady(res);
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("filing a web case failed");
      JsonResponses.error(res, 500, "internal", "The question could not be sent to the head. Nothing was sent; try again.");
    }
  }

  /**
   * The idempotency key of a web case; /api/ask's own filing uses the same, so a press of the
   * button with the request id the answer was asked under finds the case already filed. The
   * session is part of it: one browser's request id must never match another's case.
   */
  static String key(String session, String requestId) {
    return "web:" + session + ":" + requestId;
  }

  private static AskHead read(HttpServletRequest req) throws BadRequest, IOException {
    JsonNode json = AskServlet.readObject(req);
    String question = required(json, "question");
    String session = id(json, "session");
    String requestId = id(json, "request_id");
    String school = AskServlet.text(json, "school").orElse("");
    return new AskHead(school, question, AskServlet.text(json, "previous"), session, requestId);
  }

  private static String id(JsonNode json, String field) throws BadRequest {
    String value = required(json, field).strip();
    if (value.length() > MAX_ID_LENGTH) {
      throw new BadRequest(400, "bad_request", "\"" + field + "\" must be at most " + MAX_ID_LENGTH + " characters.");
    }
    return value;
  }

  private static String required(JsonNode json, String field) throws BadRequest {
    Optional<String> value = AskServlet.text(json, field);
    if (value.isEmpty() || value.get().isBlank()) {
      throw new BadRequest(400, "bad_request", "\"" + field + "\" is required and must be a non-empty string.");
    }
    return value.get();
  }
}
