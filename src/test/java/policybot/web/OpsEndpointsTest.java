package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.TestEngine;
import policybot.index.LiveIndex;

/** Liveness, readiness and Prometheus metrics, on the real server. */
class OpsEndpointsTest {
  private static WebServer server;
  private static WebFixture.Http http;

  @BeforeAll
  static void start() throws Exception {
    server = WebFixture.start(WebFixture.sharedIndex());
    http = new WebFixture.Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void should_be_live_and_ready_once_the_index_is_loaded() throws Exception {
    assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    assertThat(http.get("/readyz").statusCode()).isEqualTo(200);
  }

  @Test
  void should_count_questions_by_outcome_and_time_them() throws Exception {
    double before = sample(http.get("/metrics").body(), "policybot_answers_total\\{outcome=\"escalated\"\\}");
    double questionsBefore = sample(http.get("/metrics").body(), "policybot_questions_total");

    http.answer("moorthorpe", "can I park in the staff car park at the weekend");
    http.answer("glais", "can i take photos of my class on my phone");

    HttpResponse<String> res = http.get("/metrics");
    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
    String body = res.body();
    assertThat(sample(body, "policybot_questions_total")).isEqualTo(questionsBefore + 2);
    assertThat(sample(body, "policybot_answers_total\\{outcome=\"escalated\"\\}")).isEqualTo(before + 1);
    assertThat(body).contains("policybot_answers_total{outcome=\"safeguarding\"}");
    assertThat(body).contains("policybot_answer_latency_seconds_bucket{le=\"0.05\"}");
    assertThat(sample(body, "policybot_answer_latency_seconds_count")).isGreaterThanOrEqualTo(2);
    assertThat(sample(body, "policybot_index_clauses")).isEqualTo(WebFixture.sharedIndex().get().size());
    assertThat(sample(body, "policybot_index_size_bytes")).isPositive();
    assertThat(sample(body, "policybot_index_ready")).isEqualTo(1);
  }

  @Test
  void should_not_be_ready_until_the_index_loads(@TempDir Path dir) throws Exception {
    // given a corpus folder that does not exist yet, so the first build fails
    Path corpus = dir.resolve("corpus");
    LiveIndex index = LiveIndex.start(corpus, dir.resolve("index"), Duration.ofMillis(200), TestEngine.embedder());
    try (WebServer notReady = WebServer.start(WebFixture.config(corpus, 10), index, TestEngine.CLOCK)) {
      WebFixture.Http client = new WebFixture.Http(notReady);

      assertThat(client.get("/healthz").statusCode()).isEqualTo(200);
      assertThat(client.get("/readyz").statusCode()).isEqualTo(503);
      HttpResponse<String> ask = client.ask(java.util.Map.of("school", "glais", "question", "can I use my phone?"));
      assertThat(ask.statusCode()).isEqualTo(503);
      assertThat(ask.headers().firstValue("Retry-After")).isPresent();
      assertThat(client.get("/policies/glais").statusCode()).isEqualTo(503);

      // when the corpus appears
      Files.move(WebFixture.copyCorpus(dir.resolve("incoming")), corpus);

      // then the next poll builds it and the server becomes ready
      assertThat(index.awaitReady(WebFixture.BUILD_TIMEOUT)).isTrue();
      long deadline = System.nanoTime() + WebFixture.BUILD_TIMEOUT.toNanos();
      while (client.get("/readyz").statusCode() != 200 && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(client.get("/readyz").statusCode()).isEqualTo(200);
      assertThat(client.answer("glais", "can i take photos of my class on my phone").get("clauses")).isNotEmpty();
    } finally {
      index.close();
    }
  }

  private static double sample(String metrics, String name) {
    Matcher m = Pattern.compile("(?m)^" + name + " ([0-9.eE+-]+)$").matcher(metrics);
    if (!m.find()) {
      throw new AssertionError("no sample " + name + " in metrics");
    }
    return Double.parseDouble(m.group(1));
  }
}
