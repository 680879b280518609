package policybot.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;

/** {@code /}: the chat page. The school list is rendered here; the conversation runs in chat.js. */
final class ChatPageServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private final transient LiveIndex index;
  private final transient ChatService chat;
  private final transient Templates templates;

  ChatPageServlet(LiveIndex index, ChatService chat, Templates templates) {
    this.index = index;
    this.chat = chat;
    this.templates = templates;
  }

  @Override
  protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
    Map<String, Object> scope = Templates.page("Ask about a policy", List.of("/static/chat.js"));
    String defaultSchool = chat.defaultSchool();
    scope.put(
        "schools",
        index.current()
            .map(i -> i.corpus().schools().values().stream()
                .map(s -> Map.of("slug", s.slug(), "name", s.name(), "selected", s.slug().equals(defaultSchool)))
                .toList())
            .orElse(List.of()));
    scope.put("loading", !index.isReady());
    templates.render(res, 200, "chat", scope);
  }
}
