package policybot.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /static/*}: the pages' stylesheet and scripts, read once from the classpath. Only the files
 * named here are served, so no path can reach anything else.
 */
final class StaticServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** Long enough to save a round trip per page, short enough that a deploy shows within minutes. */
  static final int MAX_AGE_SECONDS = 300;

  private static final Map<String, String> FILES =
      Map.of(
          "style.css", "text/css;charset=utf-8",
          "chat.js", "text/javascript;charset=utf-8",
          "policy.js", "text/javascript;charset=utf-8",
          "admin.css", "text/css;charset=utf-8");

  private final transient Map<String, byte[]> contents;

  StaticServlet() {
    this.contents =
        FILES.keySet().stream().collect(Collectors.toUnmodifiableMap(f -> f, StaticServlet::load));
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    String name = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
    byte[] body = contents.get(name);
    if (body == null) {
      res.setStatus(404);
      res.setContentType("text/plain;charset=utf-8");
      res.getWriter().write("not found\n");
      return;
    }
    res.setContentType(FILES.get(name));
    res.setHeader("Cache-Control", "public, max-age=" + MAX_AGE_SECONDS);
    res.setContentLength(body.length);
    res.getOutputStream().write(body);
  }

  private static byte[] load(String name) {
    try (InputStream in = StaticServlet.class.getResourceAsStream("/web/static/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing static file web/static/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
