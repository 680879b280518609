package policybot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.chat.LiveIndex;
import policybot.config.Config;
import policybot.index.Embedder;
import policybot.web.WebServer;

/** Runs the web chat, the JSON API and the policy pages until the process is stopped. */
@Command(
    name = "serve",
    description =
        "Start the web server: the chat page at /, POST /api/ask, policy pages under /policies, and"
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
    LiveIndex index =
        LiveIndex.start(
            config.corpus(),
            config.data().resolve("index"),
            Duration.ofSeconds(config.reloadSeconds()),
            new Embedder());
    WebServer server;
    try {
      server = WebServer.start(config, index, Clock.systemDefaultZone());
    } catch (Exception e) {
      index.close();
      throw e;
    }
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
                  server.close();
                  index.close();
                },
                "policybot-shutdown"));
    server.join();
    return 0;
  }
}
