package policybot.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;
import policybot.TestEngine;
import policybot.index.LiveIndex;
import policybot.config.Config;

/**
 * The real server over the real corpus for web tests: one live index per JVM (the model and the
 * index take seconds), a fresh server per test class on port 0, and an HTTP client to call it.
 */
final class WebFixture {
  /** Tests ask far more than a person would; the limit is tested on its own server. */
  static final int GENEROUS_RATE_LIMIT = 100_000;

  /** A cold build on a 2-core machine takes a few seconds; this leaves room for a busy CI box. */
  static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

  static final ObjectMapper JSON = new ObjectMapper();

  private WebFixture() {}

  /** The index of the repository's corpus/, built once per JVM and never reloaded. */
  static LiveIndex sharedIndex() {
    return TestEngine.liveIndex();
  }

  /** A live index that must be ready before the test goes on. */
  static LiveIndex startIndex(Path corpus, Path indexDir, Duration pollEvery) {
    LiveIndex index = LiveIndex.start(corpus, indexDir, pollEvery, TestEngine.embedder());
    try {
      if (!index.awaitReady(BUILD_TIMEOUT)) {
        index.close();
        throw new IllegalStateException("index for " + corpus + " did not load");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    return index;
  }

  static Config config(Path corpus, int rateLimit) {
    return new Config(0, "127.0.0.1", "", corpus, Path.of("target", "web-test-data"), "", rateLimit, 0);
  }

  static WebServer start(LiveIndex index) throws Exception {
    return WebServer.start(config(index.corpus(), GENEROUS_RATE_LIMIT), index, TestEngine.CLOCK);
  }

  /** Copies the repository's corpus into {@code dir}, for tests that change files. */
  static Path copyCorpus(Path dir) throws IOException {
    Path target = dir.resolve("corpus");
    try (Stream<Path> files = Files.walk(TestEngine.CORPUS)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(TestEngine.CORPUS.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  /** A small client for one server. */
  static final class Http {
    private final HttpClient client =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    Http(WebServer server) {
      this.base = server.uri();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, String contentType, String body)
        throws IOException, InterruptedException {
      return client.send(
          HttpRequest.newBuilder(base.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> ask(Map<String, String> fields) throws IOException, InterruptedException {
      return post("/api/ask", "application/json", JSON.writeValueAsString(fields));
    }

    /** Asks and returns the answer record, failing unless the server said 200. */
    JsonNode answer(String school, String question) throws IOException, InterruptedException {
      return answer(Map.of("school", school, "question", question));
    }

    JsonNode answer(Map<String, String> fields) throws IOException, InterruptedException {
      HttpResponse<String> res = ask(fields);
      if (res.statusCode() != 200) {
        throw new AssertionError("expected 200 from /api/ask but got " + res.statusCode() + ": " + res.body());
      }
      return JSON.readTree(res.body());
    }
  }
}
