package policybot.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTML templates under {@code web/templates/}. Mustache escapes every {@code {{value}}}, and
 * no template uses the unescaped triple-brace form, so policy text and questions stay text.
 */
final class Templates {
  private final MustacheFactory factory = new DefaultMustacheFactory("web/templates");

  /** A page's scope: its title and scripts, plus whatever its template shows. */
  static Map<String, Object> page(String title, List<String> scripts) {
    Map<String, Object> scope = new LinkedHashMap<>();
    scope.put("pageTitle", title);
    scope.put("scripts", scripts);
    return scope;
  }

  void render(HttpServletResponse res, int status, String template, Map<String, Object> scope)
      throws IOException {
    res.setStatus(status);
    res.setContentType("text/html;charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    Writer out = res.getWriter();
    factory.compile(template + ".mustache").execute(out, scope).flush();
  }

  /** A short page for 404, 503 and the like, saying what happened and where to go. */
  void message(HttpServletResponse res, int status, String title, String message) throws IOException {
    Map<String, Object> scope = page(title, List.of());
    scope.put("title", title);
    scope.put("message", message);
    render(res, status, "message", scope);
  }
}
