package policybot.slack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import policybot.slack.SlackFixture.Payloads;

/**
 * How fast {@code /slack/events} acknowledges while questions are being answered: signed
 * app_mention events at a steady rate (the dev set's questions, each school in its own channel)
 * to the real server over loopback, timing each ack and each answer's arrival at the stand-in
 * Slack. Run from the repository root; the README gives the command. Bounded in count and time.
 */
public final class SlackAckBench {
  /** The rate the issue asks for. */
  static final int QUESTIONS_PER_SECOND = 50;

  /** Long enough for a stable p99 (1,500 acks), short enough to run by hand. */
  static final Duration MEASURED = Duration.ofSeconds(30);

  /** JIT and caches settle in this, not counted. */
  static final Duration WARM_UP = Duration.ofSeconds(5);

  /** Answers still in flight when sending stops get this long to arrive. */
  static final Duration DRAIN = Duration.ofSeconds(20);

  private SlackAckBench() {}

  record Sent(long sentNanos, boolean measured) {}

  public static void main(String[] args) throws Exception {
    List<String[]> questions = devQuestions();
    String schools = questions.stream().map(q -> q[0]).distinct().map(s -> channel(s) + "=" + s).collect(Collectors.joining(","));
    FakeSlack slack = new FakeSlack();
    Map<String, Sent> inFlight = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<Long> answerNanos = new ConcurrentLinkedQueue<>();
    slack.listen(
        call -> {
          if (call.method().equals("chat.postMessage") || call.method().equals("chat.postEphemeral")) {
            Sent sent = inFlight.remove(call.params().getOrDefault("thread_ts", ""));
            if (sent != null && sent.measured()) {
              answerNanos.add(System.nanoTime() - sent.sentNanos());
            }
          }
        });
    SlackFixture fx = SlackFixture.start(slack, Files.createTempDirectory("policybot-slack-bench"), Map.of("SLACK_SCHOOLS", schools));
    ExecutorService clientThreads = Executors.newFixedThreadPool(8);
    HttpClient http = HttpClient.newBuilder().executor(clientThreads).connectTimeout(Duration.ofSeconds(5)).build();
    ConcurrentLinkedQueue<Long> ackNanos = new ConcurrentLinkedQueue<>();
    AtomicInteger notOk = new AtomicInteger();
    List<CompletableFuture<?>> pending = new ArrayList<>();
    try {
      long interval = 1_000_000_000L / QUESTIONS_PER_SECOND;
      long total = (WARM_UP.toSeconds() + MEASURED.toSeconds()) * QUESTIONS_PER_SECOND;
      long warmUp = WARM_UP.toSeconds() * QUESTIONS_PER_SECOND;
      long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        long due = start + i * interval;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        String[] q = questions.get((int) (i % questions.size()));
        String ts = Payloads.nextTs();
        String body = Payloads.mention(SlackFixture.unique("EvB"), "T1", channel(q[0]), "UB" + i, q[1], ts, null);
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        HttpRequest req =
            HttpRequest.newBuilder(fx.eventsUri())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", timestamp)
                .header("X-Slack-Signature", SlackFixture.sign(SlackFixture.SECRET, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        boolean measured = i >= warmUp;
        long sent = System.nanoTime();
        inFlight.put(ts, new Sent(sent, measured));
        pending.add(
            http.sendAsync(req, HttpResponse.BodyHandlers.ofString())
                .thenAccept(
                    res -> {
                      if (measured) {
                        ackNanos.add(System.nanoTime() - sent);
                      }
                      if (res.statusCode() != 200) {
                        notOk.incrementAndGet();
                      }
                    }));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
      long drainUntil = System.nanoTime() + DRAIN.toNanos();
      while (answerNanos.size() < ackNanos.size() && System.nanoTime() < drainUntil) {
        Thread.sleep(50);
      }
      long[] acks = sorted(ackNanos);
      long[] answers = sorted(answerNanos);
      System.out.printf(
          Locale.ROOT,
          "sent %d mentions in %.1f s (%.1f/s, %d warm-up not counted); non-200 acks: %d%n",
          total,
          seconds,
          total / seconds,
          warmUp,
          notOk.get());
      System.out.printf(Locale.ROOT, "ack of POST /slack/events:  n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
          acks.length, ms(acks, 50), ms(acks, 95), ms(acks, 99), ms(acks, 100));
      System.out.printf(Locale.ROOT, "answer posted to Slack:     n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms max=%.1f ms%n",
          answers.length, ms(answers, 50), ms(answers, 95), ms(answers, 99), ms(answers, 100));
      System.out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    } finally {
      fx.close();
      clientThreads.shutdownNow();
    }
    System.exit(0);
  }

  private static String channel(String school) {
    return "CS" + school.toUpperCase(Locale.ROOT).replace("-", "");
  }

  /** The dev set's first questions (follow-ups need their thread, so they are left out). */
  private static List<String[]> devQuestions() throws IOException {
    List<String[]> out = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/eval/dev-questions.jsonl"), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode q = FakeSlack.JSON.readTree(line);
      if (!q.hasNonNull("previous")) {
        out.add(new String[] {q.get("school").asText(), q.get("question").asText()});
      }
    }
    return out;
  }

  private static long[] sorted(ConcurrentLinkedQueue<Long> values) {
    long[] a = values.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a;
  }

  private static double ms(long[] sorted, int percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
