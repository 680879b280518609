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
import policybot.DevSet;
import policybot.TestEngine;
import policybot.answer.AnswerService;
import policybot.index.LiveIndex;
import policybot.escalation.Case;
import policybot.escalation.CaseKind;
import policybot.escalation.CaseStatus;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.Rulings;
import policybot.store.Store;

/**
 * {@code POST /api/ask} files the engine's own escalations only for the chat page (a request with
 * its session), on the real server, engine and a SQLite store; as a plain API it files nothing.
 */
class AskFilesEscalationsTest {
  @TempDir static Path data;

  private static Store store;
  private static Cases cases;
  private static WebServer server;
  private static WebFixture.Http http;
  private static String escalating;
  private static String grounded;
  private static String disclosure;

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(Store.sqliteUrl(data));
    cases = new Cases(store, TestEngine.CLOCK);
    Escalations escalations = new Escalations(cases, new Rulings(store, TestEngine.CLOCK), school -> Map.of());
    new Roster(store, TestEngine.CLOCK).put(new Reviewers("glais", "head-1", "deputy-1", "dsl-1"));
    LiveIndex index = WebFixture.sharedIndex();
    server =
        WebServer.start(
            WebFixture.config(index.corpus(), WebFixture.GENEROUS_RATE_LIMIT), index, TestEngine.CLOCK, List.of(), Optional.of(escalations));
    http = new WebFixture.Http(server);
    AnswerService engine = new AnswerService(index, TestEngine.BASE, TestEngine.CLOCK);
    escalating = DevSet.escalating(engine, "glais");
    grounded = DevSet.grounded(engine, "glais");
    disclosure = DevSet.safeguarding(engine, "glais");
  }

  @AfterAll
  static void stop() {
    server.close();
    store.close();
  }

  private static long glaisCases() {
    return cases.counts("glais").values().stream().mapToLong(Long::longValue).sum();
  }

  @Test
  void should_file_an_escalated_answer_for_the_chat_page_once_and_say_so_in_the_record() throws Exception {
    Map<String, String> request = Map.of("school", "glais", "question", escalating, "session", "page-1", "request_id", "q-1");

    JsonNode record = http.answer(request);

    assertThat(record.get("outcome").asText()).isEqualTo("escalated");
    assertThat(record.get("escalate").asBoolean()).isTrue();
    assertThat(record.fieldNames()).toIterable()
        .containsSubsequence("id", "school", "verdict", "escalate", "reason", "clauses", "answer", "latency_ms", "outcome", "warnings", "rulings", "case");
    JsonNode filedNote = record.get("case");
    assertThat(filedNote.get("status").asText()).isEqualTo("sent");
    Case filed = cases.find(filedNote.get("case_id").asText()).orElseThrow();
    assertThat(filed.origin()).isEqualTo(Origin.ENGINE);
    assertThat(filed.question()).isEqualTo(escalating);
    assertThat(filed.reviewer()).isEqualTo("head-1");
    assertThat(filed.asker().platform()).isEqualTo(Platform.WEB);
    assertThat(filed.asker().replyTo()).isEqualTo(new ReplyTo.WebSession("page-1"));

    // a double submit, then the page's Ask the head button for the same answer
    JsonNode again = http.answer(request);
    HttpResponse<String> pressed =
        http.post("/api/ask-head", "application/json", WebFixture.JSON.writeValueAsString(request));

    assertThat(again.get("case").get("status").asText()).isEqualTo("already_sent");
    assertThat(again.get("case").get("case_id").asText()).isEqualTo(filed.id());
    assertThat(WebFixture.JSON.readTree(pressed.body()).get("case_id").asText()).isEqualTo(filed.id());
    assertThat(cases.askedBy(Platform.WEB, "page-1", 10)).singleElement().extracting(Case::status).isEqualTo(CaseStatus.OPEN);
    JsonNode mine = WebFixture.JSON.readTree(http.get("/api/my-cases?session=page-1").body());
    assertThat(mine.get("cases").get(0).get("case_id").asText()).isEqualTo(filed.id());
  }

  @Test
  void should_file_nothing_when_asked_as_a_plain_api_without_a_session() throws Exception {
    long before = glaisCases();

    JsonNode record = http.answer("glais", escalating);

    assertThat(record.get("outcome").asText()).isEqualTo("escalated");
    assertThat(record.has("case")).isFalse();
    assertThat(glaisCases()).isEqualTo(before);
  }

  @Test
  void should_file_nothing_for_a_grounded_answer_even_from_the_chat_page() throws Exception {
    long before = glaisCases();

    JsonNode record = http.answer(Map.of("school", "glais", "question", grounded, "session", "page-2", "request_id", "q-2"));

    assertThat(record.get("outcome").asText()).isEqualTo("grounded");
    assertThat(record.has("case")).isFalse();
    assertThat(glaisCases()).isEqualTo(before);
  }

  @Test
  void should_send_a_disclosure_from_the_chat_page_to_the_dsl_only() throws Exception {
    JsonNode record = http.answer(Map.of("school", "glais", "question", disclosure, "session", "page-3", "request_id", "q-3"));

    assertThat(record.get("outcome").asText()).isEqualTo("safeguarding");
    assertThat(record.get("case").get("status").asText()).isEqualTo("sent");
    Case filed = cases.find(record.get("case").get("case_id").asText()).orElseThrow();
    assertThat(filed.kind()).isEqualTo(CaseKind.SAFEGUARDING);
    assertThat(filed.reviewer()).isEqualTo("dsl-1");
    assertThat(cases.visibleTo("head-1")).extracting(Case::id).doesNotContain(filed.id());
  }

  @Test
  void should_refuse_a_session_without_a_request_id_with_400_and_file_nothing() throws Exception {
    long before = glaisCases();

    HttpResponse<String> res = http.ask(Map.of("school", "glais", "question", escalating, "session", "page-4"));

    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).contains("request_id");
    assertThat(glaisCases()).isEqualTo(before);
  }
}
