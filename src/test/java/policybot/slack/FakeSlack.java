package policybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback stand-in for Slack's Web API and response URLs, speaking their wire format: form or
 * JSON posts to {@code /api/<method>}, JSON posts to {@code /respond/<name>}. Records every call so
 * tests assert on the blocks actually sent; replies can be scripted per method (429s, errors).
 */
final class FakeSlack implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The workspace and bot the fake's auth.test describes. */
  static final String TEAM = "T1";

  static final String BOT_USER = "UBOT";
  static final String BOT_ID = "BBOT";

  /** Method name used for posts to a response_url. */
  static final String RESPOND = "response_url";

  /** One recorded call. */
  record Call(String method, String path, Map<String, String> params, String body, Instant at) {
    /** The blocks sent, from the form field or the JSON body. */
    JsonNode blocks() {
      try {
        if (params.containsKey("blocks")) {
          return JSON.readTree(params.get("blocks"));
        }
        if (params.containsKey("view")) {
          return JSON.readTree(params.get("view")).get("blocks");
        }
        JsonNode body = JSON.readTree(this.body);
        return body.path("blocks");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A JSON field of a response_url post, or a form field of an API call. */
    String get(String name) {
      if (params.containsKey(name)) {
        return params.get(name);
      }
      try {
        JsonNode v = JSON.readTree(body).get(name);
        return v == null || v.isNull() ? null : v.asText();
      } catch (IOException e) {
        return null;
      }
    }

    /** Every text in the blocks, joined: what a person would read. */
    String text() {
      StringBuilder out = new StringBuilder();
      collect(blocks(), out);
      return out.toString();
    }

    private static void collect(JsonNode node, StringBuilder out) {
      if (node == null) {
        return;
      }
      if (node.isObject() && node.has("text") && node.get("text").isTextual()) {
        out.append(node.get("text").asText()).append('\n');
      }
      node.forEach(child -> collect(child, out));
    }

    /** Action ids of every button in the blocks. */
    List<String> actionIds() {
      return blocks().findValuesAsText("action_id");
    }
  }

  /** A scripted reply. */
  record Reply(int status, Map<String, String> headers, String body) {
    static Reply rateLimited(int retryAfterSeconds) {
      return new Reply(429, Map.of("Retry-After", String.valueOf(retryAfterSeconds)), "{\"ok\":false,\"error\":\"ratelimited\"}");
    }

    static Reply error(String error) {
      return new Reply(200, Map.of(), "{\"ok\":false,\"error\":\"" + error + "\"}");
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Reply>> scripted = new ConcurrentHashMap<>();
  private final Map<String, Duration> delays = new ConcurrentHashMap<>();
  private final AtomicLong ts = new AtomicLong(1_700_000_000_000_100L);
  private volatile String socketUrl = "";
  private volatile java.util.function.Consumer<Call> listener = c -> {};

  FakeSlack() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/api/", this::api);
    server.createContext("/respond/", this::respond);
    server.setExecutor(threads);
    server.start();
  }

  String apiUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  String responseUrl(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + name;
  }

  /** What apps.connections.open hands out, for Socket Mode. */
  void socketUrl(String url) {
    socketUrl = url;
  }

  /** Called with every call as it is recorded (the benchmark times deliveries with it). */
  void listen(java.util.function.Consumer<Call> onCall) {
    listener = onCall;
  }

  /** Stops keeping calls (the listener still hears them), so a long benchmark stays small. */
  void forgetCalls() {
    calls.clear();
  }

  /** The next calls to {@code method} get these replies, in order; later ones get the default. */
  void script(String method, Reply... replies) {
    scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(replies));
  }

  /** Every call to {@code method} takes this long to answer. */
  void delay(String method, Duration d) {
    delays.put(method, d);
  }

  /** Drops scripted replies and delays; recorded calls stay. */
  void clearScripts() {
    scripted.clear();
    delays.clear();
  }

  List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits until {@code method} has been called at least {@code n} times; returns those calls. */
  List<Call> await(String method, int n) {
    return await(method, n, Duration.ofSeconds(20));
  }

  List<Call> await(String method, int n, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      List<Call> found = calls(method);
      if (found.size() >= n) {
        return found;
      }
      sleep(10);
    }
    throw new AssertionError("expected " + n + " call(s) to " + method + " within " + timeout + " but got " + calls(method).size() + "; all calls: " + calls.stream().map(Call::method).toList());
  }

  /** Waits for the first call to {@code method} that {@code test} accepts. */
  Call awaitCall(String method, java.util.function.Predicate<Call> test) {
    return awaitCalls(method, test, 1).get(0);
  }

  /** Waits for {@code n} calls to {@code method} that {@code test} accepts. */
  List<Call> awaitCalls(String method, java.util.function.Predicate<Call> test, int n) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      List<Call> found = calls(method).stream().filter(test).toList();
      if (found.size() >= n) {
        return found;
      }
      sleep(10);
    }
    throw new AssertionError("expected " + n + " matching call(s) to " + method + "; calls: " + calls.stream().map(c -> c.method() + " " + c.params().getOrDefault("channel", c.path())).toList());
  }

  /** Calls to {@code method} that {@code test} accepts, as of now. */
  List<Call> calls(String method, java.util.function.Predicate<Call> test) {
    return calls(method).stream().filter(test).toList();
  }

  /** Waits for the first call matching {@code method} whose params or body mention {@code marker}. */
  Call awaitWith(String method, String marker) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      for (Call c : calls(method)) {
        if (c.params().values().stream().anyMatch(v -> v.contains(marker)) || c.body().contains(marker) || c.path().contains(marker)) {
          return c;
        }
      }
      sleep(10);
    }
    throw new AssertionError("no call to " + method + " mentioning " + marker + "; calls: " + calls);
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void api(HttpExchange ex) throws IOException {
    String method = ex.getRequestURI().getPath().substring("/api/".length());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> params = params(ex, body);
    Call call = new Call(method, ex.getRequestURI().getPath(), params, body, Instant.now());
    calls.add(call);
    listener.accept(call);
    Duration delay = delays.get(method);
    if (delay != null) {
      sleep(delay.toMillis());
    }
    Reply reply = next(method).orElse(new Reply(200, Map.of(), defaultReply(method, params)));
    send(ex, reply);
  }

  private void respond(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    calls.add(new Call(RESPOND, ex.getRequestURI().getPath(), Map.of(), body, Instant.now()));
    Reply reply = next(RESPOND).orElse(new Reply(200, Map.of(), "ok"));
    send(ex, reply);
  }

  private java.util.Optional<Reply> next(String method) {
    Deque<Reply> q = scripted.get(method);
    if (q == null) {
      return java.util.Optional.empty();
    }
    synchronized (q) {
      return java.util.Optional.ofNullable(q.poll());
    }
  }

  private String defaultReply(String method, Map<String, String> params) {
    ObjectNode out = JSON.createObjectNode().put("ok", true);
    switch (method) {
      case "auth.test" -> out.put("url", "https://school.slack.com/").put("team", "School").put("user", "policybot")
          .put("team_id", TEAM).put("user_id", BOT_USER).put("bot_id", BOT_ID).put("is_enterprise_install", false);
      case "chat.postMessage" -> out.put("channel", params.get("channel")).put("ts", nextTs());
      case "chat.postEphemeral" -> out.put("message_ts", nextTs());
      case "apps.connections.open" -> out.put("url", socketUrl);
      // the bot's DM with a person is "D" + their user id, as tests expect
      case "conversations.open" -> out.putObject("channel").put("id", "D" + params.getOrDefault("users", "").split(",")[0]);
      case "chat.update" -> out.put("channel", params.get("channel")).put("ts", params.get("ts"));
      case "views.open" -> out.putObject("view").put("id", "V" + nextTs().replace(".", "")).put("type", "modal");
      case "bots.info" -> out.putObject("bot").put("id", params.getOrDefault("bot", "B0")).put("user_id", "U0OTHERBOT");
      default -> {}
    }
    return out.toString();
  }

  private String nextTs() {
    long v = ts.incrementAndGet();
    return (v / 1_000_000) + "." + String.format("%06d", v % 1_000_000);
  }

  private static Map<String, String> params(HttpExchange ex, String body) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
    if (type.contains("json")) {
      JsonNode node = JSON.readTree(body.isEmpty() ? "{}" : body);
      node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
      return out;
    }
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  private static void send(HttpExchange ex, Reply reply) throws IOException {
    byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", reply.body().startsWith("{") ? "application/json; charset=utf-8" : "text/plain");
    reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
    ex.sendResponseHeaders(reply.status(), bytes.length);
    try (var out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
