package policybot.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Everything no other servlet claims: a plain 404 page that never repeats the path asked for. */
final class NotFoundServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient Templates templates;

  NotFoundServlet(Templates templates) {
    this.templates = templates;
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
    templates.message(res, 404, "Not found", "There is nothing at this address. Ask a question on the home page.");
  }
}
