package policybot.admin;

import java.time.Clock;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.escalation.Escalations;
import policybot.escalation.Overdue;
import policybot.escalation.Roster;
import policybot.store.Feedback;
import policybot.store.Store;
import policybot.web.WebServer;

/**
 * The reviewers' side of the web app under {@code /admin}: passwordless sign-in, the queue of
 * cases, answering them, rulings and the gaps report. Mounted on the web server like a channel.
 */
public final class AdminSite implements WebServer.Channel {

  private final Store store;
  private final Escalations escalations;
  private final LiveIndex index;
  private final Overdue overdue;
  private final Clock clock;

  /** The pages, counting a case overdue by {@code overdue}: the same rule the reminder sweep uses. */
  public AdminSite(Store store, Escalations escalations, LiveIndex index, Overdue overdue, Clock clock) {
    this.overdue = Objects.requireNonNull(overdue, "overdue");
    this.store = Objects.requireNonNull(store, "store");
    this.escalations = Objects.requireNonNull(escalations, "escalations");
    this.index = Objects.requireNonNull(index, "index");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void mount(ServletContextHandler context, ChatService chat, String linkBase) {
    Roster roster = new Roster(store, clock);
    Review review = new Review(escalations, roster, overdue, index::policyHashes, clock);
    Gaps gaps = new Gaps(new Feedback(store, clock), escalations.cases(), index, clock);
    AdminServlet servlet =
        new AdminServlet(
            new SignInLinks(store, clock), new AdminSessions(store, clock), review, gaps, new AdminPages(), linkBase);
    ServletHolder holder = new ServletHolder(servlet);
    context.addServlet(holder, "/admin");
    context.addServlet(holder, "/admin/*");
  }
}
