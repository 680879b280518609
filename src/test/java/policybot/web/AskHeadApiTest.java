package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.TestEngine;
import policybot.index.LiveIndex;
import policybot.escalation.Case;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Rulings;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;

/** {@code POST /api/ask-head} on the real server, engine and a SQLite store, over HTTP. */
class AskHeadApiTest {
  @TempDir static Path data;

  private static Store store;
  private static Cases cases;
  private static WebServer server;
  private static WebFixture.Http http;

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(Store.sqliteUrl(data));
    cases = new Cases(store, TestEngine.CLOCK);
    Escalations escalations = new Escalations(cases, new Rulings(store, TestEngine.CLOCK), school -> Map.of());
    new Roster(store, TestEngine.CLOCK).put(new Reviewers("glais", "head-1", "deputy-1", "dsl-1"));
    LiveIndex index = WebFixture.sharedIndex();
    server =
        WebServer.start(
            WebFixture.config(index.corpus(), WebFixture.GENEROUS_RATE_LIMIT),
            index,
            TestEngine.CLOCK,
            List.of(),
            Optional.of(escalations));
    http = new WebFixture.Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  private static HttpResponse<String> askHead(Map<String, String> fields) throws Exception {
    return http.post("/api/ask-head", "application/json", WebFixture.JSON.writeValueAsString(fields));
  }

  @Test
  void should_file_a_case_for_the_head_and_say_sent_only_once_it_is_stored() throws Exception {
    HttpResponse<String> res =
        askHead(Map.of("school", "glais", "question", "can i take photos of my class on my phone",
            "session", "s-1", "request_id", "r-1"));

    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = WebFixture.JSON.readTree(res.body());
    assertThat(body.get("status").asText()).isEqualTo("sent");
    Case filed = cases.find(body.get("case_id").asText()).orElseThrow();
    assertThat(filed.school()).isEqualTo("glais");
    assertThat(filed.reviewer()).isEqualTo("head-1");
    assertThat(filed.origin()).isEqualTo(Origin.WEB_BUTTON);
    assertThat(filed.asker().platform()).isEqualTo(Platform.WEB);
    assertThat(filed.asker().replyTo()).isEqualTo(new ReplyTo.WebSession("s-1"));
  }

  @Test
  void should_say_already_sent_for_a_retry_with_the_same_request_id() throws Exception {
    Map<String, String> request =
        Map.of("school", "glais", "question", "can i use my own phone to call parents",
            "session", "s-2", "request_id", "r-2");
    JsonNode first = WebFixture.JSON.readTree(askHead(request).body());

    HttpResponse<String> retry = askHead(request);

    assertThat(retry.statusCode()).isEqualTo(200);
    JsonNode again = WebFixture.JSON.readTree(retry.body());
    assertThat(first.get("status").asText()).isEqualTo("sent");
    assertThat(again.get("status").asText()).isEqualTo("already_sent");
    assertThat(again.get("case_id").asText()).isEqualTo(first.get("case_id").asText());
  }

  @Test
  void should_say_no_reviewers_when_the_school_has_none_and_file_nothing() throws Exception {
    HttpResponse<String> res =
        askHead(Map.of("school", "moorthorpe", "question", "can i take photos of my class on my phone",
            "session", "s-3", "request_id", "r-3"));

    assertThat(res.statusCode()).isEqualTo(200);
    JsonNode body = WebFixture.JSON.readTree(res.body());
    assertThat(body.get("status").asText()).isEqualTo("no_reviewers");
    assertThat(body.get("case_id").isNull()).isTrue();
    assertThat(cases.counts("moorthorpe").values()).allMatch(n -> n == 0L);
  }

  @Test
  void should_refuse_bad_json_and_a_missing_request_id_with_400() throws Exception {
    HttpResponse<String> badJson = http.post("/api/ask-head", "application/json", "{\"school\": ");
    HttpResponse<String> noRequestId =
        askHead(Map.of("school", "glais", "question", "can i take photos", "session", "s-4"));

    assertThat(badJson.statusCode()).isEqualTo(400);
    assertThat(WebFixture.JSON.readTree(badJson.body()).get("error").asText()).isEqualTo("bad_json");
    assertThat(noRequestId.statusCode()).isEqualTo(400);
    assertThat(noRequestId.body()).contains("request_id");
  }
}
