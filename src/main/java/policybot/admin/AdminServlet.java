package policybot.admin;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.escalation.AuditEntry;
import policybot.escalation.Case;
import policybot.escalation.CaseClause;
import policybot.escalation.CaseStatus;
import policybot.escalation.Draft;
import policybot.escalation.Escalations;
import policybot.escalation.Overdue;
import policybot.escalation.Reviewers;
import policybot.escalation.Ruling;
import policybot.escalation.RulingStatus;
import policybot.escalation.StatusChange;

/**
 * Every page under {@code /admin}: it turns HTTP into calls on {@link Review}, {@link Gaps} and
 * the sign-in classes, and checks on the way in who is signed in and, for each POST, that the form
 * carries the session's CSRF token.
 */
final class AdminServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(AdminServlet.class);

  /** The session cookie, scoped to /admin so the chat and API never see it. */
  static final String COOKIE = "pb_admin";

  /** The hidden form field carrying the CSRF token. */
  static final String CSRF_FIELD = "csrf";

  /** Longest answer or ruling text accepted: a long email's worth; more is a paste gone wrong. */
  static final int MAX_TEXT = 10_000;

  /** Times are shown in the schools' zone, whatever the server's. */
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK).withZone(Overdue.DEFAULT_ZONE);

  private static final Pattern CASE_PATH = Pattern.compile("^/cases/([A-Za-z0-9-]{1,64})(?:/(answer|assign|dismiss))?$");
  private static final Pattern RULING_PATH = Pattern.compile("^/rulings/([A-Za-z0-9-]{1,64})/(edit|withdraw|reapprove)$");

  private static final String ASK_FOR_LINK =
      "Ask for a new sign-in link: type /policy admin to Policy Bot in Slack, or ask whoever runs Policy Bot"
          + " to run policybot admin-link --school <school> --user <your user id>.";

  /** Outcomes shown after a change, by the code in the redirect: no user text ever goes in a URL. */
  private static final Map<String, String> RESULTS =
      Map.of(
          "answered", "Answered. Your answer is on its way to the person who asked.",
          "published", "Answered, and published as a ruling for everyone at the school.",
          "assigned", "Assigned. They have been told.",
          "dismissed", "Dismissed. Nothing was sent to the person who asked.",
          "edited", "Ruling saved.",
          "withdrawn", "Ruling withdrawn: it is no longer given as an answer.",
          "reapproved", "Ruling re-approved against the policies as they are now.");

  private final transient SignInLinks links;
  private final transient AdminSessions sessions;
  private final transient Review review;
  private final transient Gaps gaps;
  private final transient AdminPages pages;
  private final String linkBase;

  AdminServlet(SignInLinks links, AdminSessions sessions, Review review, Gaps gaps, AdminPages pages, String linkBase) {
    this.links = links;
    this.sessions = sessions;
    this.review = review;
    this.gaps = gaps;
    this.pages = pages;
    this.linkBase = linkBase;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    req.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
    String method = req.getMethod();
    try {
      if (!"GET".equals(method) && !"POST".equals(method)) {
        res.setHeader("Allow", "GET, POST");
        pages.message(res, 405, Optional.empty(), "Not allowed", "Pages here are read with GET and changed with POST.");
        return;
      }
      if (path.equals("/sign-in")) {
        signIn(req, res);
        return;
      }
      Optional<AdminSessions.Session> session = session(req);
      if ("POST".equals(method)) {
        if (session.isEmpty()) {
          pages.message(res, 403, Optional.empty(), "Signed out",
              "You are not signed in (or your session ended), so nothing was changed. " + ASK_FOR_LINK);
          return;
        }
        if (!sameOrigin(req) || !session.get().csrfMatches(req.getParameter(CSRF_FIELD))) {
          pages.message(res, 403, session, "Form not accepted",
              "This form did not come from your current Policy Bot session, so nothing was changed."
                  + " Go back, reload the page and try again.");
          return;
        }
        post(req, res, path, session.get());
        return;
      }
      if (session.isEmpty()) {
        pages.message(res, 401, Optional.empty(), "Sign in to review questions", ASK_FOR_LINK);
        return;
      }
      get(req, res, path, session.get());
    } catch (RuntimeException e) {
      log.atError().setCause(e).log("admin page failed");
      if (!res.isCommitted()) {
        res.resetBuffer();
        pages.message(res, 500, Optional.empty(), "Something went wrong",
            "Policy Bot could not do that just now. Nothing you were not told about was changed; try again.");
      }
    }
  }

  // --- sign-in and sign-out ---

  private void signIn(HttpServletRequest req, HttpServletResponse res) throws IOException {
    if ("GET".equals(req.getMethod())) {
      // never redeemed here: Slack and mail scanners open links, and would use the link up
      String token = req.getParameter("token");
      if (token == null || token.isBlank()) {
        pages.message(res, 400, Optional.empty(), "Sign-in link incomplete", "This link has no sign-in code in it. " + ASK_FOR_LINK);
        return;
      }
      Map<String, Object> scope = AdminPages.page("Sign in", Optional.empty());
      scope.put("token", token);
      pages.render(res, 200, "sign-in", scope);
      return;
    }
    if (!sameOrigin(req)) {
      pages.message(res, 403, Optional.empty(), "Form not accepted", "This sign-in form did not come from Policy Bot. " + ASK_FOR_LINK);
      return;
    }
    Optional<String> user = links.redeem(req.getParameter("token"));
    if (user.isEmpty()) {
      pages.message(res, 400, Optional.empty(), "This sign-in link has expired or was already used",
          "Each link works once, for 10 minutes. " + ASK_FOR_LINK);
      return;
    }
    if (review.schoolsOf(user.get()).isEmpty()) {
      pages.message(res, 403, Optional.empty(), "Not a reviewer",
          "This link was for someone who no longer reviews any school's questions, so it did not sign you in.");
      return;
    }
    AdminSessions.Created created = sessions.create(user.get());
    res.addHeader(
        "Set-Cookie",
        cookie(created.sessionId(), AdminSessions.SESSION_LIFETIME.toSeconds(), secure(req)));
    log.atInfo().addKeyValue("user", user.get()).log("reviewer signed in");
    redirect(res, "/admin");
  }

  /**
   * The session cookie. HttpOnly: no script reads it. SameSite=Lax rather than Strict, so a link to
   * a case in a Slack message opens signed in; Lax still never sends it with another site's POST,
   * and every change is a POST that also carries the CSRF token.
   */
  static String cookie(String value, long maxAgeSeconds, boolean secure) {
    return COOKIE + "=" + value + "; Path=/admin; Max-Age=" + maxAgeSeconds + "; HttpOnly; SameSite=Lax"
        + (secure ? "; Secure" : "");
  }

  /** Secure when this request came over HTTPS or the public address is HTTPS (behind a proxy). */
  private boolean secure(HttpServletRequest req) {
    return req.isSecure() || linkBase.toLowerCase(Locale.ROOT).startsWith("https:");
  }

  private Optional<AdminSessions.Session> session(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie c : cookies) {
      if (COOKIE.equals(c.getName())) {
        Optional<AdminSessions.Session> s = sessions.find(c.getValue());
        if (s.isPresent()) {
          return s;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<String> sessionId(HttpServletRequest req) {
    Cookie[] cookies = req.getCookies();
    if (cookies != null) {
      for (Cookie c : cookies) {
        if (COOKIE.equals(c.getName())) {
          return Optional.of(c.getValue());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A browser's Origin header, when it sends one, must be this server (as the browser reached it
   * or as configured): a second guard after the CSRF token, and the only one on the sign-in form.
   */
  private boolean sameOrigin(HttpServletRequest req) {
    String origin = req.getHeader("Origin");
    if (origin == null) {
      return true;
    }
    String host = req.getHeader("Host");
    if (host != null && origin.equalsIgnoreCase(req.getScheme() + "://" + host)) {
      return true;
    }
    try {
      URI base = URI.create(linkBase);
      String configured = base.getScheme() + "://" + base.getRawAuthority();
      return origin.equalsIgnoreCase(configured);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // --- GET pages ---

  private void get(HttpServletRequest req, HttpServletResponse res, String path, AdminSessions.Session s)
      throws IOException {
    if (path.equals("/") || path.isEmpty()) {
      queue(res, s);
      return;
    }
    if (path.equals("/rulings")) {
      rulings(req, res, s);
      return;
    }
    if (path.equals("/gaps")) {
      gapsPage(res, s);
      return;
    }
    if (path.equals("/gaps.csv")) {
      gapsCsv(res, s);
      return;
    }
    if (path.equals("/cases.csv")) {
      casesCsv(res, s);
      return;
    }
    Matcher m = CASE_PATH.matcher(path);
    if (m.matches() && m.group(2) == null) {
      Optional<Case> k = review.find(s.userId(), m.group(1));
      if (k.isEmpty()) {
        notFound(res, s);
        return;
      }
      casePage(res, s, k.get(), 200, result(req), Optional.empty(), false);
      return;
    }
    notFound(res, s);
  }

  private void queue(HttpServletResponse res, AdminSessions.Session s) throws IOException {
    Review.Queue q = review.queue(s.userId());
    Map<String, Object> scope = AdminPages.page("Questions for you", Optional.of(s));
    scope.put("overdue", q.overdue().stream().map(this::row).toList());
    scope.put("open", q.open().stream().map(this::row).toList());
    scope.put("answered", q.answered().stream().map(this::row).toList());
    scope.put("overdueCount", q.overdue().size());
    scope.put("openCount", q.open().size());
    scope.put("answeredCount", q.answered().size());
    scope.put("schools", schoolRoles(s.userId()));
    pages.render(res, 200, "queue", scope);
  }

  private List<Map<String, Object>> schoolRoles(String user) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Reviewers r : review.schoolsOf(user)) {
      List<String> roles = new ArrayList<>();
      if (r.head().equals(user)) {
        roles.add("head");
      }
      if (r.deputy().equals(user)) {
        roles.add("deputy");
      }
      if (r.dsl().equals(user)) {
        roles.add("DSL");
      }
      out.add(Map.of("school", r.school(), "roles", String.join(", ", roles)));
    }
    return out;
  }

  private Map<String, Object> row(Case k) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("href", "/admin/cases/" + k.id());
    v.put("shortId", k.id().substring(0, Math.min(8, k.id().length())));
    v.put("school", k.school());
    v.put("question", k.purgedAt().isPresent() ? "(removed under the retention policy)" : k.question());
    v.put("asker", k.asker().displayName());
    v.put("safeguarding", k.isSafeguarding());
    v.put("reviewer", k.reviewer());
    v.put("filed", WHEN.format(k.createdAt()));
    v.put("due", WHEN.format(review.deadline(k)));
    v.put("updated", WHEN.format(k.updatedAt()));
    return v;
  }

  private void casePage(
      HttpServletResponse res,
      AdminSessions.Session s,
      Case k,
      int status,
      Optional<String> notice,
      Optional<String> keptText,
      boolean problem)
      throws IOException {
    Map<String, Object> scope = AdminPages.page("Case " + k.id().substring(0, Math.min(8, k.id().length())), Optional.of(s));
    Map<String, Object> v = row(k);
    v.put("id", k.id());
    v.put("status", k.status().name().toLowerCase(Locale.ROOT));
    v.put("isOpen", k.status() == CaseStatus.OPEN);
    v.put("overdue", review.isOverdue(k));
    v.put("reason", k.reason().map(r -> r.explanation()).orElse("A safeguarding concern: for the DSL alone."));
    v.put("platform", k.asker().platform().name().toLowerCase(Locale.ROOT));
    v.put("answer", k.answer().orElse(null));
    v.put("clauses", k.clauses().stream().map(AdminServlet::clause).toList());
    v.put("history", review.history(s.userId(), k.id()).stream().map(AdminServlet::audit).toList());
    v.put("draft", keptText.orElseGet(() -> Draft.of(k)));
    // a reviewer's words are never lost: if the case moved on under them, show what they wrote
    if (k.status() != CaseStatus.OPEN) {
      keptText.filter(t -> !t.isEmpty()).ifPresent(t -> v.put("kept", t));
    }
    v.put("canPublish", !k.isSafeguarding());
    review.assignTarget(s.userId(), k).ifPresent(to -> v.put("assignTo", to));
    scope.put("case", v);
    notice.ifPresent(n -> scope.put(problem ? "problem" : "notice", n));
    pages.render(res, status, "case", scope);
  }

  private static Map<String, Object> clause(CaseClause c) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("title", c.title().isBlank() ? c.policy() : c.title());
    v.put("section", c.section());
    v.put("text", c.text());
    // only our own http(s) links become hrefs; anything else is shown as text
    if (c.link().matches("(?i)^https?://.*") || c.link().startsWith("/")) {
      v.put("link", c.link());
    }
    return v;
  }

  private static Map<String, Object> audit(AuditEntry e) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("at", WHEN.format(e.at()));
    v.put("actor", e.actor());
    v.put("from", e.from().map(x -> x.name().toLowerCase(Locale.ROOT)).orElse("new"));
    v.put("to", e.to().name().toLowerCase(Locale.ROOT));
    v.put("note", e.note());
    return v;
  }

  private void rulings(HttpServletRequest req, HttpServletResponse res, AdminSessions.Session s) throws IOException {
    Map<RulingStatus, List<Ruling>> all = review.rulings(s.userId());
    Map<String, Object> scope = AdminPages.page("Rulings", Optional.of(s));
    scope.put("needsReapproval", all.get(RulingStatus.NEEDS_REAPPROVAL).stream().map(AdminServlet::ruling).toList());
    scope.put("current", all.get(RulingStatus.CURRENT).stream().map(AdminServlet::ruling).toList());
    scope.put("withdrawn", all.get(RulingStatus.WITHDRAWN).stream().map(AdminServlet::ruling).toList());
    result(req).ifPresent(n -> scope.put("notice", n));
    pages.render(res, 200, "rulings", scope);
  }

  private static Map<String, Object> ruling(Ruling r) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", r.id());
    v.put("school", r.school());
    v.put("question", r.question());
    v.put("answer", r.answer());
    v.put("reviewer", r.reviewer());
    v.put("decidedOn", r.decidedOn().toString());
    v.put("restsOnText", String.join(", ", r.restsOn().stream().map(p -> p.policy()).toList()));
    v.put("editable", r.status() != RulingStatus.WITHDRAWN);
    v.put("needsReapproval", r.status() == RulingStatus.NEEDS_REAPPROVAL);
    r.caseId().ifPresent(id -> v.put("caseHref", "/admin/cases/" + id));
    return v;
  }

  /** The gap report for the user's schools, or empty after answering 503 while the policies load. */
  private Optional<List<Gaps.SchoolGaps>> gapReport(HttpServletResponse res, AdminSessions.Session s) throws IOException {
    try {
      return Optional.of(gaps.report(s.userId(), review.questionSchoolsOf(s.userId())));
    } catch (Gaps.NotReady e) {
      res.setHeader("Retry-After", "5");
      pages.message(res, 503, Optional.of(s), "Still loading", "The policies are still loading. Try again in a few seconds.");
      return Optional.empty();
    }
  }

  private void gapsPage(HttpServletResponse res, AdminSessions.Session s) throws IOException {
    Optional<List<Gaps.SchoolGaps>> ready = gapReport(res, s);
    if (ready.isEmpty()) {
      return;
    }
    List<Gaps.SchoolGaps> report = ready.get();
    Map<String, Object> scope = AdminPages.page("Gaps in the policies", Optional.of(s));
    List<Map<String, Object>> schools = new ArrayList<>();
    for (Gaps.SchoolGaps g : report) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("school", g.name());
      v.put("escalated", g.escalated());
      v.put("notHelpful", g.notHelpful());
      v.put("topics", g.topics().stream().map(t -> Map.of("count", t.count(), "examples", t.examples())).toList());
      v.put("noTopics", g.topics().isEmpty());
      v.put(
          "overduePolicies",
          g.overduePolicies().stream()
              .map(p -> Map.of("title", p.title(), "due", p.reviewDue().map(Object::toString).orElse(""),
                  "href", "/policies/" + g.school() + "/" + p.id()))
              .toList());
      schools.add(v);
    }
    scope.put("schools", schools);
    pages.render(res, 200, "gaps", scope);
  }

  private void gapsCsv(HttpServletResponse res, AdminSessions.Session s) throws IOException {
    Optional<List<Gaps.SchoolGaps>> ready = gapReport(res, s);
    if (ready.isEmpty()) {
      return;
    }
    List<Gaps.SchoolGaps> report = ready.get();
    StringBuilder out = new StringBuilder(Csv.row(List.of("school", "topic", "questions", "example 1", "example 2", "example 3")));
    for (Gaps.SchoolGaps g : report) {
      int n = 1;
      for (Gaps.Topic t : g.topics()) {
        List<String> cells = new ArrayList<>(List.of(g.school(), Integer.toString(n++), Integer.toString(t.count())));
        for (int i = 0; i < Gaps.EXAMPLES; i++) {
          cells.add(i < t.examples().size() ? t.examples().get(i) : "");
        }
        out.append(Csv.row(cells));
      }
    }
    csv(res, "policy-gaps.csv", out.toString());
  }

  private void casesCsv(HttpServletResponse res, AdminSessions.Session s) throws IOException {
    StringBuilder out =
        new StringBuilder(
            Csv.row(List.of("case_id", "school", "kind", "status", "question", "asker", "reviewer", "filed_at", "updated_at", "answer")));
    for (Case k : review.allVisible(s.userId())) {
      out.append(
          Csv.row(
              List.of(
                  k.id(), k.school(), k.kind().name().toLowerCase(Locale.ROOT), k.status().name().toLowerCase(Locale.ROOT),
                  k.question(), k.asker().displayName(), k.reviewer(), iso(k.createdAt()), iso(k.updatedAt()),
                  k.answer().orElse(""))));
    }
    csv(res, "cases.csv", out.toString());
  }

  /** The outcome message named by the redirect's {@code result} code, if it names one. */
  private static Optional<String> result(HttpServletRequest req) {
    String code = req.getParameter("result");
    return code == null ? Optional.empty() : Optional.ofNullable(RESULTS.get(code));
  }

  private static String iso(Instant t) {
    return DateTimeFormatter.ISO_INSTANT.format(t);
  }

  private static void csv(HttpServletResponse res, String name, String body) throws IOException {
    res.setStatus(200);
    res.setContentType("text/csv;charset=utf-8");
    res.setHeader("Cache-Control", "no-store");
    res.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    res.getWriter().write(body);
  }

  // --- POST actions ---

  private void post(HttpServletRequest req, HttpServletResponse res, String path, AdminSessions.Session s)
      throws IOException {
    String user = s.userId();
    if (path.equals("/sign-out")) {
      sessionId(req).ifPresent(sessions::end);
      res.addHeader("Set-Cookie", cookie("", 0, secure(req)));
      pages.message(res, 200, Optional.empty(), "Signed out", "You are signed out. To sign in again you need a new link.");
      return;
    }
    Matcher m = CASE_PATH.matcher(path);
    if (m.matches() && m.group(2) != null) {
      String id = m.group(1);
      switch (m.group(2)) {
        case "answer" -> answer(req, res, s, id);
        case "assign" -> changed(res, s, id, review.assign(user, id), "assigned");
        default -> changed(res, s, id, review.dismiss(user, id), "dismissed");
      }
      return;
    }
    Matcher r = RULING_PATH.matcher(path);
    if (r.matches()) {
      String id = r.group(1);
      Optional<Ruling> done;
      String result;
      switch (r.group(2)) {
        case "edit" -> {
          String question = text(req, "question");
          String answer = text(req, "answer");
          if (question.isEmpty() || answer.isEmpty() || question.length() > MAX_TEXT || answer.length() > MAX_TEXT) {
            pages.message(res, 400, Optional.of(s), "Not saved",
                "A ruling needs a question and an answer, each at most " + MAX_TEXT + " characters; nothing was changed.");
            return;
          }
          done = review.edit(user, id, question, answer);
          result = "edited";
        }
        case "withdraw" -> {
          done = review.withdraw(user, id);
          result = "withdrawn";
        }
        default -> {
          done = review.reapprove(user, id);
          result = "reapproved";
        }
      }
      if (done.isEmpty()) {
        // not one of this reviewer's schools, no such ruling, or withdrawn: all read the same
        if (review.ruling(user, id).isEmpty()) {
          notFound(res, s);
        } else {
          pages.message(res, 409, Optional.of(s), "Not changed", "A withdrawn ruling cannot be changed.");
        }
        return;
      }
      redirect(res, "/admin/rulings?result=" + result);
      return;
    }
    notFound(res, s);
  }

  private void answer(HttpServletRequest req, HttpServletResponse res, AdminSessions.Session s, String id)
      throws IOException {
    String text = text(req, "answer");
    boolean publish = req.getParameter("publish") != null;
    Optional<Case> k = review.find(s.userId(), id);
    if (k.isEmpty()) {
      notFound(res, s);
      return;
    }
    if (text.isEmpty() || text.length() > MAX_TEXT) {
      String why =
          text.isEmpty()
              ? "Write an answer before sending; nothing was sent."
              : "That answer is longer than " + MAX_TEXT + " characters, so it was not sent. Shorten it and send again.";
      casePage(res, s, k.get(), 400, Optional.of(why), Optional.of(text), true);
      return;
    }
    Escalations.Answered answered = review.answer(s.userId(), id, text, publish);
    StatusChange change = answered.change();
    if (change instanceof StatusChange.Changed) {
      redirect(res, "/admin/cases/" + id + "?result=" + (answered.ruling().isPresent() ? "published" : "answered"));
    } else if (change instanceof StatusChange.NotAllowed na) {
      String why =
          na.current().status() == CaseStatus.ANSWERED
              ? "Someone else answered this first; their answer is below. Yours was not sent, and is kept in the box."
              : "This case is " + na.current().status().name().toLowerCase(Locale.ROOT) + ", so it cannot be answered."
                  + " Your answer was not sent, and is kept in the box.";
      casePage(res, s, na.current(), 409, Optional.of(why), Optional.of(text), true);
    } else {
      notFound(res, s);
    }
  }

  private void changed(HttpServletResponse res, AdminSessions.Session s, String id, StatusChange change, String result)
      throws IOException {
    if (change instanceof StatusChange.Changed) {
      redirect(res, "/admin/cases/" + id + "?result=" + result);
    } else if (change instanceof StatusChange.NotAllowed na) {
      casePage(res, s, na.current(), 409,
          Optional.of("That cannot be done to this case as it stands now (" + na.current().status().name().toLowerCase(Locale.ROOT)
              + "); nothing was changed."),
          Optional.empty(), true);
    } else {
      notFound(res, s);
    }
  }

  private static String text(HttpServletRequest req, String field) {
    String v = req.getParameter(field);
    if (v == null) {
      return "";
    }
    return v.strip();
  }

  private void notFound(HttpServletResponse res, AdminSessions.Session s) throws IOException {
    // the same page for "no such case" and "not yours to see", so neither gives anything away
    pages.message(res, 404, Optional.of(s), "Not found", "There is nothing here for you. Your questions are at /admin.");
  }

  private static void redirect(HttpServletResponse res, String to) {
    res.setStatus(303);
    res.setHeader("Location", to);
  }
}
