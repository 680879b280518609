package policybot.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import policybot.index.LiveIndex;
import policybot.corpus.Corpus;
import policybot.corpus.PolicyDocument;
import policybot.corpus.PolicyMeta;
import policybot.corpus.School;
import policybot.corpus.Slugs;
import policybot.index.ClauseIndex;

/**
 * The pages every citation links to: {@code /policies} (schools), {@code /policies/{school}} (its
 * policies with their dates) and {@code /policies/{school}/{policy}} (the whole policy, every clause
 * anchored by its id).
 */
final class PolicyPagesServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient LiveIndex index;
  private final transient Templates templates;
  private final transient Clock clock;

  PolicyPagesServlet(LiveIndex index, Templates templates, Clock clock) {
    this.index = index;
    this.templates = templates;
    this.clock = clock;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Optional<ClauseIndex> current = index.current();
    if (current.isEmpty()) {
      res.setHeader("Retry-After", Integer.toString(AskServlet.NOT_READY_RETRY_SECONDS));
      templates.message(res, 503, "Still loading", "The policies are still loading. Try again in a few seconds.");
      return;
    }
    Corpus corpus = current.get().corpus();
    String path = req.getPathInfo() == null ? "" : req.getPathInfo();
    String[] parts = path.replaceAll("^/+|/+$", "").split("/");
    if (parts.length == 1 && parts[0].isEmpty()) {
      schools(res, corpus);
      return;
    }
    Optional<School> school =
        Slugs.isSlug(parts[0]) ? corpus.school(parts[0]) : Optional.empty();
    if (school.isEmpty() || parts.length > 2) {
      notFound(res);
      return;
    }
    if (parts.length == 1) {
      school(res, corpus, school.get());
      return;
    }
    Optional<PolicyDocument> doc =
        Slugs.isSlug(parts[1]) ? corpus.document(school.get().slug(), parts[1]) : Optional.empty();
    if (doc.isEmpty()) {
      notFound(res);
      return;
    }
    policy(res, school.get(), doc.get());
  }

  private void schools(HttpServletResponse res, Corpus corpus) throws IOException {
    Map<String, Object> scope = Templates.page("Policies", List.of());
    scope.put(
        "schools",
        corpus.schools().values().stream()
            .map(s -> Map.of("name", s.name(), "href", "/policies/" + s.slug(), "count", s.policies().size() == 1 ? "1 policy" : s.policies().size() + " policies"))
            .toList());
    templates.render(res, 200, "schools", scope);
  }

  private void school(HttpServletResponse res, Corpus corpus, School school) throws IOException {
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> scope = Templates.page(school.name() + " policies", List.of());
    scope.put("school", school.name());
    scope.put("slug", school.slug());
    scope.put(
        "policies",
        school.policies().stream()
            .map(m -> PolicyView.summary(school, m, clauseCount(corpus, school, m), today))
            .toList());
    templates.render(res, 200, "school", scope);
  }

  private void policy(HttpServletResponse res, School school, PolicyDocument doc) throws IOException {
    Map<String, Object> scope = Templates.page(doc.meta().title(), List.of("/static/policy.js"));
    scope.put("school", school.name());
    scope.put("schoolHref", "/policies/" + school.slug());
    scope.put("policy", PolicyView.summary(school, doc.meta(), doc.clauses().size(), LocalDate.now(clock)));
    scope.put("blocks", PolicyView.blocks(doc));
    templates.render(res, 200, "policy", scope);
  }

  private static int clauseCount(Corpus corpus, School school, PolicyMeta meta) {
    return corpus.document(school.slug(), meta.id()).map(d -> d.clauses().size()).orElse(0);
  }

  private void notFound(HttpServletResponse res) throws IOException {
    templates.message(res, 404, "Not found", "There is no such school or policy. The list of policies is at /policies.");
  }
}
