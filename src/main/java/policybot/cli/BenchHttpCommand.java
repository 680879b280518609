package policybot.cli;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.chat.ChatService;
import policybot.index.LiveIndex;
import policybot.config.Config;
import policybot.index.Embedder;
import policybot.web.WebServer;

/**
 * Load-tests {@code POST /api/ask} at a fixed number of concurrent clients for a fixed time and
 * prints sustained questions per second and latency percentiles, as a client sees them.
 */
@Command(
    name = "bench-http",
    description = {
      "Ask POST /api/ask from N concurrent clients for S seconds and print sustained",
      "questions/s, p50 and p99 latency. Without --url it starts its own server on a free",
      "loopback port over the configured corpus, with no rate limit."
    })
final class BenchHttpCommand implements Callable<Integer> {
  /** A mix of what staff ask: answerable, unanswerable, safeguarding, one follow-up. */
  static final List<Map<String, String>> DEFAULT_QUESTIONS =
      List.of(
          Map.of("school", "moorthorpe", "question", "can i take pics of my class on my own phone?"),
          Map.of("school", "moorthorpe", "question", "is it ok if i check my facebook on the class ipad at lunch"),
          Map.of("school", "moorthorpe", "question", "whats the staff wifi password"),
          Map.of("school", "glais", "question", "can i take photos of my class on my phone"),
          Map.of("school", "glais", "question", "what about on a residential?", "previous", "can i take photos of my class on my phone"),
          Map.of("school", "glais", "question", "can I accept a friend request from a parent?"),
          Map.of("school", "glais", "question", "how long do we keep cctv footage"),
          Map.of("school", "staff-code-2024", "question", "can I use my personal email for school work?"),
          Map.of("school", "educating-for-life", "question", "can i give my mobile number to the year 11s on the residential"),
          Map.of("school", "eyrescroft", "question", "can i use a usb stick to take reports home"),
          Map.of("school", "eyrescroft", "question", "a y5 boy showed me bruises on his arms and asked me not to tell anyone"));

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--url", paramLabel = "URL", description = "A running server, e.g. http://127.0.0.1:8080 (default: start one here).")
  URI url;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Concurrent clients, each asking as soon as its last answer came (default: ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--seconds", paramLabel = "S", defaultValue = "20", description = "How long to measure (default: ${DEFAULT-VALUE}).")
  int seconds;

  @Option(names = "--warmup", paramLabel = "S", defaultValue = "5", description = "Seconds of asking before measuring starts (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--distinct",
      description = "Add a number to every question so none repeats and the engine's embedding cache never helps: the worst case.")
  boolean distinct;

  @Option(names = "--questions", paramLabel = "FILE", description = "JSON lines with school, question and optionally previous (default: a built-in mix).")
  Path questions;

  /** What one measured request came back with. */
  private record Outcome(long nanos, int status, String outcome) {}

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (concurrency < 1 || seconds < 1 || warmup < 0) {
      throw new IllegalArgumentException("--concurrency and --seconds must be at least 1, --warmup not negative");
    }
    List<String> bodies = bodies();
    if (url != null) {
      run(out, url, bodies);
      return 0;
    }
    Config config = common.config();
    config =
        new Config(0, "127.0.0.1", "", config.corpus(), config.data(), config.school(), Integer.MAX_VALUE, 0);
    // one log line per answer would fill the terminal; a served instance logs them as usual
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(ChatService.class)).setLevel(Level.WARN);
    try (LiveIndex index =
            LiveIndex.start(config.corpus(), config.data().resolve("index"), Duration.ZERO, new Embedder());
        WebServer server = WebServer.start(config, index, Clock.systemDefaultZone())) {
      if (!index.awaitReady(Duration.ofMinutes(10))) {
        throw new IllegalStateException("the index did not load; see the log above");
      }
      run(out, server.uri(), bodies);
    }
    return 0;
  }

  private void run(PrintWriter out, URI base, List<String> bodies) throws InterruptedException {
    URI ask = base.resolve("/api/ask");
    HttpClient client =
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    out.printf(
        "bench-http: %d clients, %d s warm-up, %d s measured, against %s (%d questions%s)%n",
        concurrency, warmup, seconds, ask, bodies.size(), distinct ? ", every one made distinct" : "");
    out.flush();
    long start = System.nanoTime();
    long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
    long until = measureFrom + Duration.ofSeconds(seconds).toNanos();
    AtomicInteger next = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    List<List<Outcome>> perClient = new ArrayList<>();
    List<Thread> clients = new ArrayList<>();
    for (int i = 0; i < concurrency; i++) {
      List<Outcome> mine = new ArrayList<>();
      perClient.add(mine);
      Thread t =
          new Thread(
              () -> {
                while (System.nanoTime() < until) {
                  int n = next.getAndIncrement();
                  String body = bodies.get(Math.floorMod(n, bodies.size()));
                  if (distinct) {
                    body = body.replaceFirst("\"question\":\"", "\"question\":\"(" + n + ") ");
                  }
                  HttpRequest request =
                      HttpRequest.newBuilder(ask)
                          .timeout(Duration.ofSeconds(30))
                          .header("Content-Type", "application/json")
                          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                          .build();
                  long sent = System.nanoTime();
                  try {
                    HttpResponse<String> res = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                    long done = System.nanoTime();
                    if (sent >= measureFrom && done <= until) {
                      mine.add(new Outcome(done - sent, res.statusCode(), outcomeOf(res)));
                    }
                  } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              },
              "bench-client-" + i);
      clients.add(t);
      t.start();
    }
    for (Thread t : clients) {
      t.join();
    }
    report(out, perClient.stream().flatMap(List::stream).toList(), failures.get());
  }

  private void report(PrintWriter out, List<Outcome> results, long failures) {
    long[] nanos = results.stream().filter(r -> r.status() == 200).mapToLong(Outcome::nanos).sorted().toArray();
    Map<String, Integer> statuses = new TreeMap<>();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    for (Outcome r : results) {
      statuses.merge(Integer.toString(r.status()), 1, Integer::sum);
      if (r.outcome() != null) {
        outcomes.merge(r.outcome(), 1, Integer::sum);
      }
    }
    out.printf("answered: %d in %d s = %.1f questions/s sustained%n", nanos.length, seconds, nanos.length / (double) seconds);
    if (nanos.length > 0) {
      out.printf(
          "latency: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          millis(percentile(nanos, 50)), millis(percentile(nanos, 90)), millis(percentile(nanos, 99)), millis(nanos[nanos.length - 1]));
    }
    out.printf("statuses: %s; connection failures: %d; outcomes: %s%n", statuses, failures, new TreeMap<>(outcomes));
    out.flush();
  }

  private static String outcomeOf(HttpResponse<String> res) {
    if (res.statusCode() != 200) {
      return null;
    }
    try {
      JsonNode outcome = JSON.readTree(res.body()).get("outcome");
      return outcome == null ? null : outcome.asText();
    } catch (java.io.IOException e) {
      return "unreadable";
    }
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }

  private List<String> bodies() throws java.io.IOException {
    List<Map<String, String>> source = new ArrayList<>();
    if (questions == null) {
      source.addAll(DEFAULT_QUESTIONS);
    } else {
      for (String line : Files.readAllLines(questions, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode q = JSON.readTree(line);
        Map<String, String> body = new TreeMap<>();
        for (String field : Arrays.asList("school", "question", "previous")) {
          if (q.hasNonNull(field)) {
            body.put(field, q.get(field).asText());
          }
        }
        source.add(body);
      }
    }
    if (source.isEmpty()) {
      throw new IllegalArgumentException("no questions to ask");
    }
    List<String> bodies = new ArrayList<>();
    for (Map<String, String> q : source) {
      bodies.add(JSON.writeValueAsString(q));
    }
    return bodies;
  }
}
