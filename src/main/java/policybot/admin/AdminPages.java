package policybot.admin;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The admin pages' templates under {@code web/templates/admin/}. Mustache escapes every
 * {@code {{value}}} and no template uses the unescaped form, so questions, names and answers typed
 * by anyone stay text.
 */
final class AdminPages {
  private final MustacheFactory factory = new DefaultMustacheFactory("web/templates");

  /** A page's scope: title, the signed-in user and their CSRF token (for the sign-out form). */
  static Map<String, Object> page(String title, Optional<AdminSessions.Session> session) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("pageTitle", title);
    session.ifPresent(
        s -> {
          scope.put("user", s.userId());
          scope.put("csrf", s.csrfToken());
        });
    return scope;
  }

  void render(HttpServletResponse res, int status, String template, Map<String, Object> scope) throws IOException {
    res.setStatus(status);
    res.setContentType("text/html;charset=utf-8");
    // reviewers' pages hold other people's questions: never kept by a browser or proxy cache
    res.setHeader("Cache-Control", "no-store");
    Writer out = res.getWriter();
    factory.compile("admin/" + template + ".mustache").execute(out, scope).flush();
  }

  /** A short page saying what happened and what to do. */
  void message(HttpServletResponse res, int status, Optional<AdminSessions.Session> session, String title, String message)
      throws IOException {
    Map<String, Object> scope = page(title, session);
    scope.put("title", title);
    scope.put("message", message);
    render(res, status, "message", scope);
  }
}
