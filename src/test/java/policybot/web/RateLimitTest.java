package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;

/** Per-client rate limiting on {@code /api/ask}, on a real server with a small allowance. */
class RateLimitTest {
  private static final int PER_MINUTE = 3;

  @Test
  void should_answer_429_with_retry_after_once_a_client_has_used_its_allowance() throws Exception {
    var index = WebFixture.sharedIndex();
    try (WebServer server = WebServer.start(WebFixture.config(index.corpus(), PER_MINUTE), index, TestEngine.CLOCK)) {
      WebFixture.Http http = new WebFixture.Http(server);
      Map<String, String> question = Map.of("school", "glais", "question", "can i take photos of my class on my phone");

      for (int i = 0; i < PER_MINUTE; i++) {
        assertThat(http.ask(question).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> limited = http.ask(question);

      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("Retry-After").map(Long::parseLong))
          .hasValueSatisfying(s -> assertThat(s).isBetween(1L, 60L / PER_MINUTE));
      assertThat(WebFixture.JSON.readTree(limited.body()).get("error").asText()).isEqualTo("rate_limited");
      assertThat(http.get("/").statusCode()).isEqualTo(200);
      assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    }
  }
}
