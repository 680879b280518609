package policybot.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.escalation.Case;
import policybot.escalation.CaseStatus;
import policybot.escalation.Escalations;
import policybot.escalation.Platform;

/**
 * {@code GET /api/my-cases?session=ID}: the questions this chat session sent to the head, newest
 * first, with where each stands and, once answered, the answer. The chat page polls it while a
 * case is open. The session id is the browser's own random id: knowing it is what lets a tab read
 * its cases, as it is what filed them.
 */
final class MyCasesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(MyCasesServlet.class);

  /** Cases returned: one tab's conversation keeps at most 50 exchanges, so this covers it. */
  static final int MAX_CASES = 50;

  private final transient Escalations escalations;

  MyCasesServlet(Escalations escalations) {
    this.escalations = escalations;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String session = req.getParameter("session");
    if (session == null || session.isBlank() || session.strip().length() > AskHeadServlet.MAX_ID_LENGTH) {
      JsonResponses.error(
          res, 400, "bad_request",
          "\"session\" is required and must be at most " + AskHeadServlet.MAX_ID_LENGTH + " characters.");
      return;
    }
    try {
      List<Map<String, Object>> out = new ArrayList<>();
      for (Case k : escalations.cases().askedBy(Platform.WEB, session.strip(), MAX_CASES)) {
        out.add(view(k));
      }
      JsonResponses.write(res, 200, Map.of("cases", out));
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("listing a web session's cases failed");
      JsonResponses.error(res, 500, "internal", "Could not look up your questions just now; try again.");
    }
  }

  private static Map<String, Object> view(Case k) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("case_id", k.id());
    v.put("question", k.question());
    v.put("status", k.status().name().toLowerCase(Locale.ROOT));
    boolean answered = k.answer().isPresent() && k.status() != CaseStatus.OPEN;
    v.put("answer", answered ? k.answer().get() : null);
    v.put("reviewer", answered ? k.reviewer() : null);
    v.put("updated_at", k.updatedAt().toString());
    return v;
  }
}
