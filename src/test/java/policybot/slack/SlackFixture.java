package policybot.slack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import policybot.TestEngine;
import policybot.answer.RulingSource;
import policybot.index.LiveIndex;
import policybot.config.Config;
import policybot.escalation.Escalations;
import policybot.store.Store;
import policybot.web.WebServer;

/**
 * The real web server with the real Slack channel (Bolt over HTTP) on port 0, over the real corpus
 * plus one made-up school, talking to a {@link FakeSlack}; and signed requests to send it.
 */
final class SlackFixture implements AutoCloseable {
  static final String SECRET = "test-signing-secret-0123456789";
  static final String BOT_TOKEN = "xoxb-test-token";

  /**
   * Workspace T1 is Moorthorpe; channel CGLAIS is Glais and CBRAMBLE the made-up Bramble Academy;
   * workspace T2 has two schools, so its people are asked once.
   */
  static final String SCHOOLS = "T1=moorthorpe,CGLAIS=glais,CBRAMBLE=bramble-academy,T2=glais|moorthorpe";

  /** A cold index build on a 2-core machine takes seconds; this leaves room for a busy CI box. */
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

  private static LiveIndex shared;
  private static final AtomicLong SEQ = new AtomicLong();

  final FakeSlack slack;
  final Path data;
  final Map<String, String> env;
  final WebServer server;
  final SlackChannel channel;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private SlackFixture(FakeSlack slack, Path data, Map<String, String> env) throws Exception {
    this.slack = slack;
    this.data = data;
    this.env = env;
    LiveIndex index = index();
    this.channel = SlackChannel.create(SlackSettings.fromEnv(env), index, data, "", TestEngine.CLOCK);
    Config config = new Config(0, "127.0.0.1", "", index.corpus(), data, "", 100_000, 0);
    this.server = WebServer.start(config, index, TestEngine.CLOCK, List.of(channel));
  }

  /** As the server runs it: Slack changes cases through the server's escalations, over its store. */
  private SlackFixture(
      FakeSlack slack, Path data, Map<String, String> env, Clock clock, Store store, Escalations escalations,
      List<WebServer.Channel> others, RulingSource rulings)
      throws Exception {
    this.slack = slack;
    this.data = data;
    this.env = env;
    LiveIndex index = index();
    this.channel = SlackChannel.create(SlackSettings.fromEnv(env), index, data, "", clock, store, escalations);
    Config config = new Config(0, "127.0.0.1", "", index.corpus(), data, "", 100_000, 0);
    List<WebServer.Channel> channels = new java.util.ArrayList<>(others);
    channels.add(0, channel);
    this.server = WebServer.start(config, index, clock, channels, Optional.of(escalations), rulings);
  }

  /** A server in HTTP mode sharing {@code store} and {@code escalations}, on {@code clock}. */
  static SlackFixture serving(Clock clock, Store store, Escalations escalations) throws Exception {
    return serving(clock, store, escalations, List.of(), RulingSource.NONE);
  }

  /**
   * As {@link #serving(Clock, Store, Escalations)}, with other channels mounted beside Slack (the
   * reviewers' pages) and answers citing rulings from {@code rulings}, as {@code serve} runs it.
   */
  static SlackFixture serving(
      Clock clock, Store store, Escalations escalations, List<WebServer.Channel> others, RulingSource rulings)
      throws Exception {
    FakeSlack slack = new FakeSlack();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("SLACK_SCHOOLS", SCHOOLS);
    return new SlackFixture(slack, Files.createTempDirectory("policybot-slack-data"), env, clock, store, escalations, others, rulings);
  }

  /** Mentions the bot at the top of {@code channel}; returns the thread's root ts once answered. */
  String askInThread(String channel, String teacher, String question) {
    String root = Payloads.nextTs();
    event(Payloads.mention(SlackHttpTest.eventId(), "T1", channel, teacher, question, root, null));
    slack.awaitCall("chat.postMessage", c -> root.equals(c.get("thread_ts")));
    return root;
  }

  /** Presses Ask the head under the bot's answer in the thread at {@code root}. */
  void askHead(String channel, String teacher, String root) {
    FakeSlack.Call answer = slack.awaitCall("chat.postMessage", c -> root.equals(c.get("thread_ts")));
    click(Payloads.click("T1", channel, teacher, AnswerBlocks.ACTION_ASK_HEAD, SlackHttpTest.answerIdOf(answer), slack.responseUrl("head-" + teacher)));
    slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/head-" + teacher));
  }

  /** The first case card Slack accepted for {@code reviewer}'s DM. */
  FakeSlack.Call awaitCard(String reviewer) {
    return slack.awaitCall("chat.postMessage", c -> ("D" + reviewer).equals(c.get("channel")) && c.actionIds().contains(ReviewerCards.ACTION_ANSWER));
  }

  /** Posts a modal submission, as Slack's interactivity sends it. */
  HttpResponse<String> submit(String payloadJson) {
    return click(payloadJson);
  }

  /** A server in HTTP mode with the standard school mapping and a fresh data folder. */
  static SlackFixture start() throws Exception {
    return start(new FakeSlack(), Files.createTempDirectory("policybot-slack-data"), Map.of());
  }

  static SlackFixture start(FakeSlack slack, Path data, Map<String, String> extraEnv) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SLACK_BOT_TOKEN", BOT_TOKEN);
    env.put("SLACK_SIGNING_SECRET", SECRET);
    env.put("SLACK_API_URL", slack.apiUrl());
    env.put("SLACK_SCHOOLS", SCHOOLS);
    env.putAll(extraEnv);
    env.values().removeIf(String::isEmpty);
    return new SlackFixture(slack, data, env);
  }

  /** The same Slack and data folder, after the server stops and starts again. */
  SlackFixture restart() throws Exception {
    closeServer();
    return new SlackFixture(slack, data, env);
  }

  /** The real corpus and the made-up Bramble Academy, indexed once per JVM. */
  static synchronized LiveIndex index() {
    if (shared == null) {
      try {
        Path root = Files.createTempDirectory("policybot-slack-corpus");
        Path corpus = root.resolve("corpus");
        copy(TestEngine.CORPUS, corpus);
        copy(Path.of("src/test/resources/slack/corpus"), corpus);
        shared = LiveIndex.start(corpus, root.resolve("index"), Duration.ZERO, TestEngine.embedder());
        if (!shared.awaitReady(BUILD_TIMEOUT)) {
          throw new IllegalStateException("the Slack test index did not load");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
    }
    return shared;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  URI eventsUri() {
    return server.uri().resolve(SlackChannel.EVENTS_PATH);
  }

  // ------------------------------------------------------------------ sending

  /** Posts {@code body} signed with the right secret and the current time. */
  HttpResponse<String> post(String contentType, String body) {
    return post(contentType, body, Map.of());
  }

  HttpResponse<String> post(String contentType, String body, Map<String, String> headers) {
    String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
    return send(contentType, body, timestamp, sign(SECRET, timestamp, body), headers);
  }

  static String sign(String secret, String timestamp, String body) {
    return new SlackSignature.Generator(secret).generate(timestamp, body);
  }

  /** Posts with exactly these signature headers (null leaves one out). */
  HttpResponse<String> send(String contentType, String body, String timestamp, String signature, Map<String, String> headers) {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(eventsUri())
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (timestamp != null) {
      req.header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp);
    }
    if (signature != null) {
      req.header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature);
    }
    headers.forEach(req::header);
    try {
      return http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> event(String json) {
    return post("application/json", json);
  }

  HttpResponse<String> command(String team, String channel, String user, String text, String responseUrl) {
    return post("application/x-www-form-urlencoded", Payloads.command(team, channel, user, text, responseUrl));
  }

  HttpResponse<String> click(String payloadJson) {
    return post("application/x-www-form-urlencoded", "payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8));
  }

  static String unique(String prefix) {
    return prefix + SEQ.incrementAndGet();
  }

  private void closeServer() {
    channel.close();
    server.close();
  }

  @Override
  public void close() {
    closeServer();
    slack.close();
  }

  /** Slack's request bodies, as its Events API, slash commands and interactivity send them. */
  static final class Payloads {
    private Payloads() {}

    static String dm(String eventId, String team, String user, String text, String ts, String clientMsgId, String threadTs) {
      ObjectNode e = message(user, "D" + user, text, ts).put("channel_type", "im");
      if (clientMsgId != null) {
        e.put("client_msg_id", clientMsgId);
      }
      if (threadTs != null) {
        e.put("thread_ts", threadTs);
      }
      return envelope(eventId, team, e);
    }

    static String botDm(String eventId, String botId, String text) {
      ObjectNode e = FakeSlack.JSON.createObjectNode().put("type", "message").put("channel", "DBOTCHAT").put("text", text)
          .put("ts", nextTs()).put("channel_type", "im").put("bot_id", botId).put("subtype", "bot_message");
      return envelope(eventId, FakeSlack.TEAM, e);
    }

    /** A message from another bot that carries a user id, as some integrations post. */
    static String botUserDm(String eventId, String user, String botId, String text) {
      ObjectNode e = message(user, "D" + user, text, nextTs()).put("channel_type", "im").put("bot_id", botId);
      return envelope(eventId, FakeSlack.TEAM, e);
    }

    static String mention(String eventId, String team, String channel, String user, String text, String ts, String threadTs) {
      ObjectNode e = message(user, channel, "<@" + FakeSlack.BOT_USER + "> " + text, ts);
      e.put("type", "app_mention").put("client_msg_id", unique("cm-"));
      if (threadTs != null) {
        e.put("thread_ts", threadTs);
      }
      return envelope(eventId, team, e);
    }

    static String homeOpened(String eventId, String team, String user) {
      ObjectNode e = FakeSlack.JSON.createObjectNode().put("type", "app_home_opened").put("user", user)
          .put("channel", "D" + user).put("tab", "home").put("event_ts", nextTs());
      return envelope(eventId, team, e);
    }

    static String command(String team, String channel, String user, String text, String responseUrl) {
      Map<String, String> f = new LinkedHashMap<>();
      f.put("token", "legacy");
      f.put("team_id", team);
      f.put("team_domain", "school");
      f.put("channel_id", channel);
      f.put("channel_name", "staffroom");
      f.put("user_id", user);
      f.put("user_name", "teacher");
      f.put("command", SlackApp.COMMAND);
      f.put("text", text);
      f.put("api_app_id", "A1");
      f.put("response_url", responseUrl);
      f.put("trigger_id", unique("trigger-"));
      return f.entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }

    /** A button press on a message (or, with {@code channel} null, on the Home tab). */
    static String click(String team, String channel, String user, String actionId, String value, String responseUrl) {
      ObjectNode p = FakeSlack.JSON.createObjectNode().put("type", "block_actions").put("api_app_id", "A1").put("token", "legacy")
          .put("trigger_id", unique("trigger-"));
      p.putObject("team").put("id", team).put("domain", "school");
      p.putObject("user").put("id", user).put("username", "teacher").put("team_id", team);
      if (channel != null) {
        p.putObject("channel").put("id", channel).put("name", "staffroom");
        p.putObject("container").put("type", "message").put("message_ts", nextTs()).put("channel_id", channel).put("is_ephemeral", false);
        p.put("response_url", responseUrl);
      } else {
        p.putObject("container").put("type", "view").put("view_id", "V1");
        p.putObject("view").put("id", "V1").put("type", "home");
      }
      ArrayNode actions = p.putArray("actions");
      actions.addObject().put("type", "button").put("action_id", actionId).put("block_id", "answer_actions").put("value", value)
          .put("action_ts", nextTs()).putObject("text").put("type", "plain_text").put("text", "button");
      return p.toString();
    }

    /** The answer modal submitted, with the answer typed and the ruling box ticked or not. */
    static String answerSubmission(String team, String user, String caseId, String answer, boolean publish) {
      ObjectNode p = FakeSlack.JSON.createObjectNode().put("type", "view_submission").put("api_app_id", "A1").put("token", "legacy")
          .put("trigger_id", unique("trigger-"));
      p.putObject("team").put("id", team).put("domain", "school");
      p.putObject("user").put("id", user).put("username", "head").put("name", "head").put("team_id", team);
      ObjectNode view = p.putObject("view").put("id", unique("V")).put("team_id", team).put("type", "modal")
          .put("callback_id", ReviewerCards.MODAL_ANSWER).put("private_metadata", caseId).put("hash", unique("h-"));
      view.putObject("title").put("type", "plain_text").put("text", "Answer the question");
      view.putArray("blocks");
      ObjectNode values = view.putObject("state").putObject("values");
      values.putObject(ReviewerCards.BLOCK_ANSWER).putObject(ReviewerCards.INPUT_ANSWER).put("type", "plain_text_input").put("value", answer);
      ArrayNode selected = values.putObject(ReviewerCards.BLOCK_PUBLISH).putObject(ReviewerCards.INPUT_PUBLISH).put("type", "checkboxes")
          .putArray("selected_options");
      if (publish) {
        ObjectNode option = selected.addObject().put("value", ReviewerCards.PUBLISH_VALUE);
        option.putObject("text").put("type", "plain_text").put("text", "Publish as a ruling for everyone");
      }
      p.putArray("response_urls");
      return p.toString();
    }

    private static ObjectNode message(String user, String channel, String text, String ts) {
      return FakeSlack.JSON.createObjectNode().put("type", "message").put("user", user).put("channel", channel)
          .put("text", text).put("ts", ts).put("event_ts", ts).put("team", FakeSlack.TEAM);
    }

    private static String envelope(String eventId, String team, ObjectNode event) {
      ObjectNode env = FakeSlack.JSON.createObjectNode().put("token", "legacy").put("team_id", team).put("api_app_id", "A1")
          .put("type", "event_callback").put("event_id", eventId).put("event_time", System.currentTimeMillis() / 1000);
      env.set("event", event);
      env.putArray("authorizations").addObject().put("team_id", team).put("user_id", FakeSlack.BOT_USER).put("is_bot", true);
      return env.toString();
    }

    static String nextTs() {
      long n = SEQ.incrementAndGet();
      return "1800000000." + String.format("%06d", n);
    }
  }
}
