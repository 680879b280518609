package policybot.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import policybot.index.LiveIndex;

/**
 * {@code /healthz} (the process answers), {@code /readyz} (the index is loaded, so questions can be
 * answered) and {@code /metrics} (Prometheus text format).
 */
final class OpsServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** The Prometheus text exposition format that scrapers expect by default. */
  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final transient LiveIndex index;
  private final transient PrometheusMeterRegistry registry;

  OpsServlet(LiveIndex index, PrometheusMeterRegistry registry) {
    this.index = index;
    this.registry = registry;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    res.setHeader("Cache-Control", "no-store");
    switch (req.getServletPath()) {
      case "/healthz" -> plain(res, 200, "ok\n");
      case "/readyz" -> {
        if (index.isReady()) {
          plain(res, 200, "ready\n");
        } else {
          res.setHeader("Retry-After", Integer.toString(AskServlet.NOT_READY_RETRY_SECONDS));
          plain(res, 503, "loading the policy index\n");
        }
      }
      case "/metrics" -> {
        res.setStatus(200);
        res.setContentType(PROMETHEUS_TEXT);
        registry.scrape(res.getOutputStream());
      }
      default -> plain(res, 404, "not found\n");
    }
  }

  private static void plain(HttpServletResponse res, int status, String body) throws IOException {
    res.setStatus(status);
    res.setContentType("text/plain;charset=utf-8");
    res.setCharacterEncoding(StandardCharsets.UTF_8.name());
    Writer w = res.getWriter();
    w.write(body);
  }
}
