package policybot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.admin.AdminSite;
import policybot.index.LiveIndex;
import policybot.config.Config;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.RulingFinder;
import policybot.escalation.Rulings;
import policybot.escalation.Overdue;
import policybot.index.Embedder;
import policybot.slack.SlackChannel;
import policybot.slack.SlackSettings;
import policybot.store.Dedup;
import policybot.store.Retention;
import policybot.store.Store;
import policybot.web.WebServer;

/** Runs the web chat, the JSON API and the policy pages until the process is stopped. */
@Command(
    name = "serve",
    description =
        "Start the web server: the chat page at /, POST /api/ask and /api/ask-head, policy pages under /policies, the reviewers' pages under /admin, and"
            + " /healthz, /readyz and /metrics. The index loads in the background and is rebuilt when"
            + " a file in the corpus folder changes.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--port", paramLabel = "N", description = "Port to listen on; 0 picks a free one (default: the port setting).")
  Integer port;

  @Override
  public Integer call() throws Exception {
    Config config = common.config();
    if (port != null) {
      config = config.withPort(port);
    }
    // checked before anything starts: HTTP mode without a signing secret never starts
    SlackSettings slackSettings = SlackSettings.load(Optional.ofNullable(common.configFile), System.getenv()).validated();
    LiveIndex index =
        LiveIndex.start(
            config.corpus(),
            config.data().resolve("index"),
            Duration.ofSeconds(config.reloadSeconds()),
            new Embedder());
    Clock clock = Clock.systemDefaultZone();
    // one store for the whole server: the web's cases, Slack's cases and the maintenance job
    Store store;
    try {
      store = Store.open(config.jdbcUrl());
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
    Cases cases = new Cases(store, clock);
    // every channel changes cases through this, so each change is committed before anyone is told
    Rulings rulings = new Rulings(store, clock);
    Escalations escalations = new Escalations(cases, rulings, index::policyHashes);
    // answers cite rulings in force; each index swapped in flags those whose policies changed
    RulingFinder rulingFinder = new RulingFinder(rulings);
    index.onSwap(rulingFinder::flagChanged);
    // the reviewers' pages under /admin, changing cases through the same escalations
    // one rule for the reminders and for what the review pages call overdue
    Overdue overdue = new Overdue(Duration.ofHours(config.overdueHours()), Overdue.DEFAULT_ZONE);
    AdminSite admin = new AdminSite(store, escalations, index, overdue, clock);
    SlackChannel slack = SlackChannel.create(slackSettings, index, config.data(), config.school(), clock, store, escalations);
    WebServer server;
    try {
      server = WebServer.start(config, index, clock, List.of(slack, admin), Optional.of(escalations), rulingFinder);
    } catch (Exception e) {
      slack.close();
      store.close();
      index.close();
      throw e;
    }
    Maintenance maintenance =
        Maintenance.start(
            new Retention(store, clock, Duration.ofDays(config.retentionDays())),
            new Dedup(store, clock),
            escalations,
            overdue);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Policy Bot is serving %s/ (listening on %s; policies load in the background, /readyz says when)%n",
        config.withPort(server.port()).linkBase(), server.uri());
    out.flush();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  log.info("shutting down");
                  maintenance.close();
                  slack.close();
                  server.close();
                  store.close();
                  index.close();
                },
                "policybot-shutdown"));
    server.join();
    return 0;
  }
}
