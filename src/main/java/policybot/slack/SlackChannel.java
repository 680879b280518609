package policybot.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import java.io.Closeable;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.admin.SignInLinks;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Roster;
import policybot.escalation.Rulings;
import policybot.store.Dedup;
import policybot.store.Feedback;
import policybot.store.Store;
import policybot.web.WebServer;

/**
 * Policy Bot in Slack: off without a bot token, over HTTP at {@value #EVENTS_PATH} on the web
 * server, or over Socket Mode when an app-level token is set. Mounted by the web server, which
 * shares its chat core; a Slack problem at start is logged and the web app runs on.
 */
public final class SlackChannel implements WebServer.Channel, Closeable {
  private static final Logger log = LoggerFactory.getLogger(SlackChannel.class);

  /** The one Request URL for events, slash commands and interactivity. */
  public static final String EVENTS_PATH = "/slack/events";

  /** Socket Mode messages handled at once; each handler only queues work, so a few suffice. */
  static final int SOCKET_CONCURRENCY = 10;

  /**
   * How far back Slack looks at start for case news that was committed but never queued (the
   * process stopped in between): a restart comes well within a week, and older news is stale.
   */
  static final Duration CATCH_UP = Duration.ofDays(7);

  /** Slack Web API calls give up after this long, so a hung call frees its thread. */
  static final int HTTP_TIMEOUT_MILLIS = 15_000;

  private final SlackSettings settings;
  private final LiveIndex index;
  private final Path dataDir;
  private final String defaultSchool;
  private final Clock clock;
  /** The server's store, or null when this channel opens (and so closes) its own. */
  private final Store shared;
  /** The server's escalations, or null when this channel makes its own over its store. */
  private final Escalations sharedEscalations;
  private Store store;
  private Escalations escalations;
  private ReviewerDesk desk;
  private SlackOutbox outbox;
  private SlackLedger ledger;
  private SlackApi api;
  private SlackConversation conversation;
  private App app;
  private SocketModeApp socket;

  private SlackChannel(
      SlackSettings settings, LiveIndex index, Path dataDir, String defaultSchool, Clock clock, Store shared, Escalations escalations) {
    this.shared = shared;
    this.sharedEscalations = escalations;
    this.settings = settings;
    this.index = index;
    this.dataDir = dataDir;
    this.defaultSchool = defaultSchool;
    this.clock = clock;
  }

  /**
   * The Slack channel for these settings; fails at once (before the server starts) when they are
   * unsafe, such as HTTP mode without a signing secret.
   *
   * @param dataDir where the Slack ledger (slack.db) lives
   * @param defaultSchool the configured default school, or empty
   */
  public static SlackChannel create(SlackSettings settings, LiveIndex index, Path dataDir, String defaultSchool, Clock clock) {
    return new SlackChannel(settings.validated(), index, dataDir, defaultSchool, clock, null, null);
  }

  /** As {@link #create(SlackSettings, LiveIndex, Path, String, Clock)}, filing cases in the server's {@code store}, which the caller closes. */
  public static SlackChannel create(
      SlackSettings settings, LiveIndex index, Path dataDir, String defaultSchool, Clock clock, Store store) {
    return new SlackChannel(settings.validated(), index, dataDir, defaultSchool, clock, Objects.requireNonNull(store, "store"), null);
  }

  /**
   * As {@link #create(SlackSettings, LiveIndex, Path, String, Clock, Store)}, changing cases through
   * the server's {@code escalations} (over {@code store}), so Slack hears of cases filed or
   * answered anywhere: it DMs reviewers their cases and delivers their answers to Slack askers.
   */
  public static SlackChannel create(
      SlackSettings settings, LiveIndex index, Path dataDir, String defaultSchool, Clock clock, Store store, Escalations escalations) {
    return new SlackChannel(
        settings.validated(), index, dataDir, defaultSchool, clock, Objects.requireNonNull(store, "store"), Objects.requireNonNull(escalations, "escalations"));
  }

  public SlackSettings.Mode mode() {
    return settings.mode();
  }

  /** Whether Slack is connected (HTTP endpoint mounted or Socket Mode started). */
  public boolean isRunning() {
    return app != null;
  }

  @Override
  public void mount(ServletContextHandler context, ChatService chat, String linkBase) throws Exception {
    if (settings.mode() == SlackSettings.Mode.OFF) {
      log.info("Slack is off: no SLACK_BOT_TOKEN is set. The web app runs without it; see the README to connect Slack.");
      return;
    }
    SlackConfig slackConfig = new SlackConfig();
    slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl());
    // stats call auth.test in the background and keep per-team counters nobody reads
    slackConfig.setStatsEnabled(false);
    slackConfig.setHttpClientCallTimeoutMillis(HTTP_TIMEOUT_MILLIS);
    Slack slack = Slack.getInstance(slackConfig);
    AppConfig appConfig =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(settings.botToken())
            .signingSecret(settings.signingSecret())
            // never turned off: in HTTP mode every request must carry a valid, fresh signature
            .requestVerificationEnabled(true)
            // auth.test once per 10 minutes, not on every request: keeps the ack fast
            .authTestCacheEnabled(true)
            // edits, joins and other message subtypes need no answer, only an ack
            .subtypedMessageEventsAutoAckEnabled(true)
            .allEventsApiAutoAckEnabled(true)
            .build();
    try {
      start(context, chat, linkBase, appConfig, slack);
    } catch (RuntimeException e) {
      // the web app must not go down with Slack: an unwritable data folder or a bad token is logged
      log.atError().setCause(e).log("Slack is off: it could not start (" + e.getMessage() + "). The web app runs on.");
      closeQuietly();
    }
  }

  private void start(ServletContextHandler context, ChatService chat, String linkBase, AppConfig appConfig, Slack slack) {
    // cases, deliveries taken, button presses and case news to send live in the shared store;
    // the ledger holds Slack's own session state
    store = shared != null ? shared : Store.open(Store.sqliteUrl(dataDir));
    escalations =
        sharedEscalations != null ? sharedEscalations : new Escalations(new Cases(store, clock), new Rulings(store, clock), index::policyHashes);
    ledger = SlackLedger.open(dataDir, clock);
    api = new SlackApi(slack, settings.botToken());
    Roster roster = new Roster(store, clock);
    desk = new ReviewerDesk(escalations, roster, new SignInLinks(store, clock), api, linkBase);
    // delivery times are the wall clock's, whatever clock the cases run on
    outbox = new SlackOutbox(store, Clock.systemUTC(), desk);
    desk.deliverThrough(outbox);
    Dedup dedup = new Dedup(store, clock);
    conversation =
        new SlackConversation(
            chat,
            index,
            defaultSchool,
            settings.schools(),
            ledger,
            api,
            escalations,
            new SeenDeliveries(dedup),
            desk::isReviewer,
            // stamped with the wall clock: a person's latest press is the one that counts
            new Feedback(store, Clock.systemUTC()),
            linkBase,
            clock);
    App built = SlackApp.build(appConfig, conversation, desk);
    try {
      // auth.test: a revoked or mistyped token shows up here, in the log, not on the first question
      built.start();
    } catch (RuntimeException e) {
      log.atError()
          .addKeyValue("error", e.getMessage())
          .log("Slack is off: Slack did not accept the bot token (" + e.getMessage() + "). Check SLACK_BOT_TOKEN; the web app runs on.");
      closeQuietly();
      return;
    }
    escalations.listen(desk);
    catchUp();
    outbox.start();
    if (settings.mode() == SlackSettings.Mode.HTTP) {
      context.addServlet(new ServletHolder(new SlackAppServlet(built)), EVENTS_PATH);
      app = built;
      log.atInfo().addKeyValue("path", EVENTS_PATH).addKeyValue("api", settings.apiUrl()).log("Slack connected over HTTP: set the Request URL to <base URL>" + EVENTS_PATH);
      return;
    }
    try {
      socket = new SocketModeApp(settings.appToken(), built, SocketModeClient.Backend.JavaWebSocket, SOCKET_CONCURRENCY);
      socket.startAsync();
      app = built;
      log.atInfo().addKeyValue("api", settings.apiUrl()).log("Slack connected over Socket Mode");
    } catch (Exception e) {
      log.atError()
          .addKeyValue("error", String.valueOf(e.getMessage()))
          .log("Slack is off: Socket Mode could not connect. Check SLACK_APP_TOKEN (an xapp- token with connections:write); the web app runs on.");
      closeQuietly();
    }
  }

  /** The conversation, for tests and the benchmark. */
  SlackConversation conversation() {
    return conversation;
  }

  /** Queues again the news of cases changed within {@link #CATCH_UP}; see {@link ReviewerDesk#catchUp}. */
  private void catchUp() {
    try {
      desk.catchUp(escalations.cases().changedSince(clock.instant().minus(CATCH_UP)));
    } catch (RuntimeException e) {
      log.atWarn().addKeyValue("error", e.toString()).log("could not re-queue recent case news; new news is still delivered");
    }
  }

  SlackApi api() {
    return api;
  }

  SlackOutbox outbox() {
    return outbox;
  }

  Escalations escalations() {
    return escalations;
  }

  Store store() {
    return store;
  }

  @Override
  public void close() {
    closeQuietly();
  }

  private void closeQuietly() {
    if (socket != null) {
      try {
        socket.close();
      } catch (Exception e) {
        log.atWarn().addKeyValue("error", e.toString()).log("Socket Mode did not close cleanly");
      }
      socket = null;
    }
    if (app != null) {
      app.stop();
      app = null;
    }
    if (outbox != null) {
      // rows not yet sent stay in the store; the next start (or another instance) sends them
      outbox.close();
      outbox = null;
    }
    if (conversation != null) {
      conversation.close();
      conversation = null;
    }
    if (api != null) {
      api.close();
      api = null;
    }
    if (ledger != null) {
      ledger.close();
      ledger = null;
    }
    if (store != null) {
      if (store != shared) {
        store.close();
      }
      store = null;
    }
  }
}
