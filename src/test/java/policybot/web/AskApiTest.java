package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.answer.AnswerRecord;
import policybot.answer.AnswerService;
import policybot.answer.Question;

/** {@code POST /api/ask} on the real server and engine, over HTTP. */
class AskApiTest {
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
  void should_answer_with_the_batch_record_including_verdict_quotes_and_links() throws Exception {
    JsonNode answer = http.answer("glais", "can i take photos of my class on my phone");

    List<String> fields = new ArrayList<>();
    answer.fieldNames().forEachRemaining(fields::add);
    assertThat(fields)
        .containsExactly(
            "id", "school", "verdict", "escalate", "reason", "clauses", "answer", "latency_ms", "outcome", "warnings",
            "rulings");
    assertThat(answer.get("outcome").asText()).isEqualTo("grounded");
    assertThat(answer.get("verdict").asText()).isIn("yes", "no", "conditional", "info");
    assertThat(answer.get("clauses")).isNotEmpty();
    for (JsonNode clause : answer.get("clauses")) {
      assertThat(clause.get("text").asText()).contains(clause.get("highlight").asText());
      assertThat(clause.get("link").asText())
          .startsWith("http://localhost:" + server.port() + "/policies/glais/social-media-mobile-phones-and-photography#");
    }
  }

  @Test
  void should_return_exactly_what_the_engine_returns_for_the_same_question() throws Exception {
    String question = "can I install a game on the school laptop for golden time";

    JsonNode overHttp = http.answer("moorthorpe", question);

    assertThat(overHttp).isEqualTo(direct(overHttp, Question.of("moorthorpe", question)));
  }

  @Test
  void should_pass_the_previous_question_to_the_engine_for_a_follow_up() throws Exception {
    String previous = "can i take photos of my class on my phone";
    String question = "what about on a residential?";

    JsonNode alone = http.answer("glais", question);
    JsonNode followUp = http.answer(Map.of("school", "glais", "question", question, "previous", previous));

    assertThat(followUp).isEqualTo(direct(followUp, new Question("glais", question, Optional.of(previous))));
    assertThat(followUp.get("clauses")).isNotEqualTo(alone.get("clauses"));
  }

  /** The record the engine gives for {@code question}, with the id and latency of {@code sent}. */
  private static JsonNode direct(JsonNode sent, Question question) throws Exception {
    AnswerService engine = new AnswerService(WebFixture.sharedIndex(), "http://localhost:" + server.port(), TestEngine.CLOCK);
    AnswerRecord record = AnswerRecord.of(sent.get("id").asText(), engine.ask(question), sent.get("latency_ms").asLong());
    return WebFixture.JSON.readTree(WebFixture.JSON.writeValueAsString(record));
  }

  @Test
  void should_escalate_and_route_safeguarding() throws Exception {
    JsonNode escalated = http.answer("moorthorpe", "can I park in the staff car park at the weekend");
    JsonNode safeguarding =
        http.answer("moorthorpe", "a year 4 girl told me a man she talks to on snapchat asked her to keep their chats secret");

    assertThat(escalated.get("outcome").asText()).isEqualTo("escalated");
    assertThat(escalated.get("escalate").asBoolean()).isTrue();
    assertThat(escalated.get("reason").asText()).isNotBlank();
    assertThat(safeguarding.get("outcome").asText()).isEqualTo("safeguarding");
    assertThat(safeguarding.get("answer").asText()).contains("Designated Safeguarding Lead");
  }

  @Test
  void should_use_the_default_school_when_none_is_given() throws Exception {
    JsonNode answer = http.answer(Map.of("question", "can I install a game on the school laptop"));

    assertThat(answer.get("school").asText()).isEqualTo("educating-for-life");
  }

  @Test
  void should_refuse_an_unknown_school_politely() throws Exception {
    JsonNode answer = http.answer("hogwarts<script>", "can I use my phone?");

    assertThat(answer.get("outcome").asText()).isEqualTo("refused");
    assertThat(answer.get("clauses")).isEmpty();
  }

  @Test
  void should_reject_bad_json_with_a_json_error_and_no_stack_trace() throws Exception {
    HttpResponse<String> res = http.post("/api/ask", "application/json", "{\"school\": \"glais\", \"question\": ");

    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    JsonNode error = WebFixture.JSON.readTree(res.body());
    assertThat(error.get("error").asText()).isEqualTo("bad_json");
    assertThat(error.get("message").asText()).startsWith("The body is not valid JSON");
    assertThat(res.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at policybot.");
  }

  @Test
  void should_reject_json_of_the_wrong_shape() throws Exception {
    assertThat(http.post("/api/ask", "application/json", "[1, 2]").statusCode()).isEqualTo(400);
    assertThat(http.post("/api/ask", "application/json", "{\"school\": \"glais\"}").statusCode()).isEqualTo(400);
    assertThat(http.post("/api/ask", "application/json", "{\"question\": 42}").statusCode()).isEqualTo(400);
    assertThat(http.post("/api/ask", "application/json", "").statusCode()).isEqualTo(400);
  }

  @Test
  void should_reject_a_form_post_so_other_sites_cannot_ask_on_a_users_behalf() throws Exception {
    HttpResponse<String> res = http.post("/api/ask", "text/plain", "{\"school\":\"glais\",\"question\":\"hi\"}");

    assertThat(res.statusCode()).isEqualTo(415);
  }

  @Test
  void should_reject_a_body_over_16_kb_with_413_every_time() throws Exception {
    String huge = "a".repeat(50_000);

    // again and again: closing the connection on a body still arriving could reset it before the
    // client read the 413, now and then
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> res = http.ask(Map.of("school", "glais", "question", huge));

      assertThat(res.statusCode()).isEqualTo(413);
      assertThat(WebFixture.JSON.readTree(res.body()).get("error").asText()).isEqualTo("too_large");
    }
  }

  @Test
  void should_refuse_a_long_question_that_fits_the_body_limit() throws Exception {
    JsonNode answer = http.answer("glais", "can I use my phone ".repeat(200));

    assertThat(answer.get("outcome").asText()).isEqualTo("refused");
  }

  @Test
  void should_answer_other_methods_with_405() throws Exception {
    HttpResponse<String> res = http.get("/api/ask");

    assertThat(res.statusCode()).isEqualTo(405);
    assertThat(res.headers().firstValue("Allow")).hasValue("POST");
  }
}
