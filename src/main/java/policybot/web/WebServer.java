package policybot.web;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.Closeable;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.AnswerService;
import policybot.answer.RulingSource;
import policybot.chat.AutoEscalation;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.config.Config;
import policybot.escalation.Escalations;

/**
 * The embedded web server: chat page, JSON API, policy pages and operations endpoints. Built by
 * {@link #start}, which tests call with port 0.
 */
public final class WebServer implements Closeable {
  private static final Logger log = LoggerFactory.getLogger(WebServer.class);

  /**
   * Request threads. Answering is CPU-bound (one query embedding, one search), so more threads than
   * this only queue on the cores while holding memory.
   */
  static final int MAX_THREADS = 64;

  /** In-flight requests get this long to finish when the server stops. */
  static final long STOP_TIMEOUT_MILLIS = 5_000;

  private final Server server;
  private final URI uri;
  private final PrometheusMeterRegistry registry;

  private WebServer(Server server, URI uri, PrometheusMeterRegistry registry) {
    this.server = server;
    this.uri = uri;
    this.registry = registry;
  }

  /** Another channel served alongside the web chat (Slack): mounted once the chat core exists. */
  public interface Channel {
    /** Adds the channel's servlets to {@code context}, answering through {@code chat}. */
    void mount(ServletContextHandler context, ChatService chat, String linkBase) throws Exception;
  }

  /**
   * Starts serving on {@code config.bind()}:{@code config.port()} (0: a free port), answering from
   * {@code index}. Links in answers use the configured base URL, or this server's own address.
   */
  public static WebServer start(Config config, LiveIndex index, Clock clock) throws Exception {
    return start(config, index, clock, List.of());
  }

  /** As {@link #start(Config, LiveIndex, Clock)}, with other channels sharing the chat core. */
  public static WebServer start(Config config, LiveIndex index, Clock clock, List<Channel> channels)
      throws Exception {
    return start(config, index, clock, channels, Optional.empty());
  }

  /**
   * As {@link #start(Config, LiveIndex, Clock, List)}; with {@code escalations}, {@code POST
   * /api/ask-head} files questions for the head through it and {@code GET /api/my-cases} tells the
   * asking browser what became of them. Without, those paths are not served.
   */
  public static WebServer start(
      Config config, LiveIndex index, Clock clock, List<Channel> channels, Optional<Escalations> escalations)
      throws Exception {
    return start(config, index, clock, channels, escalations, RulingSource.NONE);
  }

  /**
   * As {@link #start(Config, LiveIndex, Clock, List, Optional)}, with answers citing reviewers'
   * published rulings from {@code rulings} (in {@code /api/ask}'s "rulings" and in Slack).
   */
  public static WebServer start(
      Config config, LiveIndex index, Clock clock, List<Channel> channels, Optional<Escalations> escalations, RulingSource rulings)
      throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS);
    threads.setName("policybot-http");
    Server server = new Server(threads);
    server.setStopTimeout(STOP_TIMEOUT_MILLIS);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(config.bind());
    connector.setPort(config.port());
    server.addConnector(connector);
    // bind first: with port 0 the links the engine writes need the port actually chosen
    connector.open();
    Config bound = config.withPort(connector.getLocalPort());

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    index.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);

    AnswerService engine = new AnswerService(index, bound.linkBase(), clock, rulings);
    ChatService chat = new ChatService(index, engine, config.school(), registry);
    Templates templates = new Templates();

    ServletContextHandler context = new ServletContextHandler();
    context.setContextPath("/");
    context.addServlet(new ServletHolder(new ChatPageServlet(index, chat, templates)), "");
    // one budget for both: each request runs the engine once
    RateLimiter limiter = new RateLimiter(config.rateLimitPerMinute());
    Optional<AutoEscalation> filing = escalations.map(AutoEscalation::new);
    context.addServlet(new ServletHolder(new AskServlet(chat, limiter, filing)), "/api/ask");
    if (escalations.isPresent()) {
      context.addServlet(new ServletHolder(new AskHeadServlet(chat, filing.get(), limiter)), "/api/ask-head");
      context.addServlet(new ServletHolder(new MyCasesServlet(escalations.get())), "/api/my-cases");
    }
    ServletHolder policies = new ServletHolder(new PolicyPagesServlet(index, templates, clock));
    context.addServlet(policies, "/policies");
    context.addServlet(policies, "/policies/*");
    context.addServlet(new ServletHolder(new StaticServlet()), "/static/*");
    ServletHolder ops = new ServletHolder(new OpsServlet(index, registry));
    context.addServlet(ops, "/healthz");
    context.addServlet(ops, "/readyz");
    context.addServlet(ops, "/metrics");
    for (Channel channel : channels) {
      channel.mount(context, chat, bound.linkBase());
    }
    context.addServlet(new ServletHolder(new NotFoundServlet(templates)), "/");
    context.setErrorHandler(new QuietErrorHandler());
    server.setErrorHandler(new QuietErrorHandler());
    server.setHandler(new SecurityHeaders(context));
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      registry.close();
      throw e;
    }

    String host = config.bind().contains(":") ? "[" + config.bind() + "]" : config.bind();
    URI uri = URI.create("http://" + host + ":" + connector.getLocalPort());
    log.atInfo()
        .addKeyValue("url", uri)
        .addKeyValue("port", connector.getLocalPort())
        .addKeyValue("link_base", bound.linkBase())
        .log("web server started");
    return new WebServer(server, uri, registry);
  }

  /** Where the server listens, e.g. {@code http://127.0.0.1:41234}. */
  public URI uri() {
    return uri;
  }

  public int port() {
    return uri.getPort();
  }

  /** The server's metrics, as {@code /metrics} shows them. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Blocks until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      log.atWarn().addKeyValue("error", e.toString()).log("web server did not stop cleanly");
    }
    registry.close();
  }
}
