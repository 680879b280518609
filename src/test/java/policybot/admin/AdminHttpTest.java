package policybot.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static policybot.admin.AdminFixture.GLAIS_DEPUTY;
import static policybot.admin.AdminFixture.GLAIS_DSL;
import static policybot.admin.AdminFixture.GLAIS_HEAD;
import static policybot.admin.AdminFixture.MOOR_HEAD;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.escalation.AuditEntry;
import policybot.escalation.Case;
import policybot.escalation.CaseStatus;
import policybot.escalation.RulingStatus;
import policybot.store.Feedback;

/** The reviewers' pages over HTTP on the real server, engine and a SQLite store. */
class AdminHttpTest {
  @TempDir static Path data;

  private static AdminFixture fx;

  @BeforeAll
  static void start() throws Exception {
    fx = new AdminFixture(data);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  private AdminFixture.Reviewer signedIn(String user) throws Exception {
    return fx.new Reviewer().signIn(user);
  }

  // --- sign-in ---

  @Test
  void should_show_a_sign_in_button_on_get_without_using_the_link_up() throws Exception {
    String token = fx.links.issue(GLAIS_HEAD);
    AdminFixture.Reviewer browser = fx.new Reviewer();

    HttpResponse<String> page = browser.get("/admin/sign-in?token=" + token);
    HttpResponse<String> again = browser.get("/admin/sign-in?token=" + token);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form method=\"post\" action=\"/admin/sign-in\">").contains(">Sign in</button>");
    assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(fx.links.redeem(token)).contains(GLAIS_HEAD);
  }

  @Test
  void should_sign_in_once_with_an_http_only_lax_cookie_and_refuse_the_same_link_again() throws Exception {
    String token = fx.links.issue(GLAIS_HEAD);
    AdminFixture.Reviewer browser = fx.new Reviewer();

    HttpResponse<String> first = browser.post("/admin/sign-in", Map.of("token", token));
    HttpResponse<String> second = fx.new Reviewer().post("/admin/sign-in", Map.of("token", token));

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("Location")).contains("/admin");
    String cookie = AdminFixture.setCookie(first);
    assertThat(cookie).startsWith(AdminServlet.COOKIE + "=").contains("HttpOnly").contains("SameSite=Lax")
        .contains("Path=/admin").contains("Max-Age=" + AdminSessions.SESSION_LIFETIME.toSeconds())
        .doesNotContain("Secure");
    browser.cookie = cookie.split(";", 2)[0];
    assertThat(browser.get("/admin").statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(400);
    assertThat(second.body()).contains("expired or was already used").contains("/policy admin").contains("policybot admin-link");
    assertThat(second.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void should_refuse_a_link_after_ten_minutes() throws Exception {
    String token = fx.links.issue(GLAIS_HEAD);
    fx.clock.advance(SignInLinks.LINK_LIFETIME.plusSeconds(1));
    try {
      HttpResponse<String> res = fx.new Reviewer().post("/admin/sign-in", Map.of("token", token));

      assertThat(res.statusCode()).isEqualTo(400);
      assertThat(res.body()).contains("expired or was already used");
    } finally {
      fx.clock.advance(SignInLinks.LINK_LIFETIME.plusSeconds(1).negated());
    }
  }

  @Test
  void should_ask_for_a_link_when_not_signed_in_and_end_the_session_on_sign_out() throws Exception {
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);
    String csrf = head.csrf();

    HttpResponse<String> anonymous = fx.new Reviewer().get("/admin");
    HttpResponse<String> out = head.post("/admin/sign-out", Map.of("csrf", csrf));
    HttpResponse<String> after = head.get("/admin");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("policybot admin-link");
    assertThat(out.statusCode()).isEqualTo(200);
    assertThat(AdminFixture.setCookie(out)).contains("Max-Age=0");
    assertThat(after.statusCode()).isEqualTo(401);
  }

  // --- CSRF ---

  @Test
  void should_refuse_a_post_without_or_with_a_wrong_csrf_token_and_change_nothing() throws Exception {
    Case k = fx.file("glais", "can i bring my dog to school on fridays", "Sam");
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);
    AdminFixture.Reviewer other = signedIn(GLAIS_DEPUTY);

    HttpResponse<String> missing = head.post("/admin/cases/" + k.id() + "/answer", Map.of("answer", "Yes"));
    HttpResponse<String> wrong = head.post("/admin/cases/" + k.id() + "/answer", Map.of("answer", "Yes", "csrf", "forged"));
    HttpResponse<String> anothers =
        head.post("/admin/cases/" + k.id() + "/dismiss", Map.of("csrf", other.csrf()));

    assertThat(missing.statusCode()).isEqualTo(403);
    assertThat(wrong.statusCode()).isEqualTo(403);
    assertThat(anothers.statusCode()).isEqualTo(403);
    assertThat(missing.body()).contains("nothing was changed");
    Case now = fx.cases.find(k.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(CaseStatus.OPEN);
    assertThat(now.answer()).isEmpty();
    assertThat(fx.cases.history(GLAIS_HEAD, k.id())).hasSize(1);
  }

  // --- who sees what ---

  @Test
  void should_answer_404_for_another_schools_case_and_leave_it_out_of_the_queue() throws Exception {
    Case k = fx.file("glais", "can i park in the staff car park at weekends", "Alex");
    AdminFixture.Reviewer moor = signedIn(MOOR_HEAD);

    HttpResponse<String> page = moor.get("/admin/cases/" + k.id());
    HttpResponse<String> unknown = moor.get("/admin/cases/00000000-0000-0000-0000-000000000000");
    HttpResponse<String> answer = moor.post("/admin/cases/" + k.id() + "/answer", Map.of("answer", "No", "csrf", moor.csrf()));

    assertThat(page.statusCode()).isEqualTo(404);
    assertThat(page.body()).isEqualTo(unknown.body());
    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(moor.get("/admin").body()).doesNotContain("staff car park");
    assertThat(moor.get("/admin/cases.csv").body()).doesNotContain(k.id());
    assertThat(fx.cases.find(k.id()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void should_show_a_safeguarding_case_to_the_dsl_only() throws Exception {
    Case k = fx.fileSafeguarding("glais", "a pupil told me something worrying about home");
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);
    AdminFixture.Reviewer dsl = signedIn(GLAIS_DSL);

    assertThat(head.get("/admin/cases/" + k.id()).statusCode()).isEqualTo(404);
    assertThat(head.get("/admin").body()).doesNotContain("worrying about home");
    HttpResponse<String> dslPage = dsl.get("/admin/cases/" + k.id());
    assertThat(dslPage.statusCode()).isEqualTo(200);
    assertThat(dslPage.body()).contains("worrying about home").contains("Safeguarding")
        .doesNotContain("Publish as a ruling");
    assertThat(dsl.get("/admin").body()).contains("worrying about home");
  }

  // --- answering ---

  @Test
  void should_answer_through_the_form_record_the_audit_and_tell_the_listeners() throws Exception {
    Case k = fx.file("glais", "can i take my phone on the year 6 residential", "Jo");
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);
    HttpResponse<String> page = head.get("/admin/cases/" + k.id());
    assertThat(page.body()).contains("Our Mobile Phone Policy (Trips) says: &quot;Staff may carry a mobile phone")
        .contains("Publish as a ruling for everyone").contains("Assign to " + GLAIS_DEPUTY);

    HttpResponse<String> res =
        head.post("/admin/cases/" + k.id() + "/answer",
            Map.of("answer", "Yes, for emergencies; keep it in your bag.", "csrf", AdminFixture.csrfIn(page.body())));

    assertThat(res.statusCode()).isEqualTo(303);
    Case now = fx.cases.find(k.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(CaseStatus.ANSWERED);
    assertThat(now.answer()).contains("Yes, for emergencies; keep it in your bag.");
    List<AuditEntry> history = fx.cases.history(GLAIS_HEAD, k.id());
    assertThat(history).last().satisfies(e -> {
      assertThat(e.actor()).isEqualTo(GLAIS_HEAD);
      assertThat(e.to()).isEqualTo(CaseStatus.ANSWERED);
    });
    assertThat(fx.toldAnswered).contains(k.id() + " by " + GLAIS_HEAD);
    HttpResponse<String> shown = head.get(res.headers().firstValue("Location").orElseThrow());
    assertThat(shown.body()).contains("on its way to the person who asked").contains("keep it in your bag");
    assertThat(fx.escalations.rulings().inStatus("glais", RulingStatus.CURRENT)).noneMatch(r -> r.caseId().equals(java.util.Optional.of(k.id())));
  }

  @Test
  void should_say_someone_else_answered_first_and_keep_the_second_answer_in_the_box() throws Exception {
    Case k = fx.file("glais", "can i wear trainers for the sponsored walk", "Kim");
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);
    AdminFixture.Reviewer deputy = signedIn(GLAIS_DEPUTY);
    String headCsrf = head.csrf();
    deputy.post("/admin/cases/" + k.id() + "/answer", Map.of("answer", "Yes, trainers are fine.", "csrf", deputy.csrf()));

    HttpResponse<String> late = head.post("/admin/cases/" + k.id() + "/answer", Map.of("answer", "No, smart shoes.", "csrf", headCsrf));

    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(late.body()).contains("Someone else answered this first").contains("No, smart shoes.").contains("Yes, trainers are fine.");
    assertThat(fx.cases.find(k.id()).orElseThrow().answer()).contains("Yes, trainers are fine.");
  }

  @Test
  void should_publish_a_ruling_when_asked_and_let_the_head_withdraw_it() throws Exception {
    Case k = fx.file("glais", "may staff use the school minibus for a private trip", "Lee");
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);
    String csrf = head.csrf();

    HttpResponse<String> res = head.post("/admin/cases/" + k.id() + "/answer",
        Map.of("answer", "No: the minibus is for school business only.", "publish", "yes", "csrf", csrf));

    assertThat(res.headers().firstValue("Location")).contains("/admin/cases/" + k.id() + "?result=published");
    String rulings = head.get("/admin/rulings").body();
    assertThat(rulings).contains("may staff use the school minibus for a private trip").contains("rests on");
    String id = fx.escalations.rulings().inStatus("glais", RulingStatus.CURRENT).stream()
        .filter(r -> r.caseId().equals(java.util.Optional.of(k.id()))).findFirst().orElseThrow().id();

    assertThat(signedIn(MOOR_HEAD).post("/admin/rulings/" + id + "/withdraw", Map.of("csrf", signedIn(MOOR_HEAD).csrf())).statusCode())
        .isEqualTo(403); // a different session's token
    AdminFixture.Reviewer moor = signedIn(MOOR_HEAD);
    assertThat(moor.post("/admin/rulings/" + id + "/withdraw", Map.of("csrf", moor.csrf())).statusCode()).isEqualTo(404);
    assertThat(head.post("/admin/rulings/" + id + "/withdraw", Map.of("csrf", csrf)).statusCode()).isEqualTo(303);
    assertThat(fx.escalations.rulings().find(id).orElseThrow().status()).isEqualTo(RulingStatus.WITHDRAWN);
  }

  @Test
  void should_assign_to_the_deputy_and_dismiss() throws Exception {
    Case toAssign = fx.file("glais", "who signs off supply cover requests", "Pat");
    Case toDismiss = fx.file("glais", "test test ignore", "Pat");
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);
    String csrf = head.csrf();

    head.post("/admin/cases/" + toAssign.id() + "/assign", Map.of("csrf", csrf));
    head.post("/admin/cases/" + toDismiss.id() + "/dismiss", Map.of("csrf", csrf));

    assertThat(fx.cases.find(toAssign.id()).orElseThrow().reviewer()).isEqualTo(GLAIS_DEPUTY);
    assertThat(fx.cases.find(toDismiss.id()).orElseThrow().status()).isEqualTo(CaseStatus.DISMISSED);
  }

  @Test
  void should_list_overdue_cases_apart_with_counts() throws Exception {
    Case old = fx.file("glais", "can the choir perform at the care home", "Viv");
    fx.clock.advance(Duration.ofDays(3));
    try {
      String queue = signedIn(GLAIS_HEAD).get("/admin").body();

      String overdue = queue.substring(queue.indexOf("id=\"pb_overdue\""), queue.indexOf("id=\"pb_open_title\""));
      assertThat(overdue).contains("can the choir perform at the care home");
      assertThat(queue).containsPattern("<strong>\\d+</strong> overdue");
    } finally {
      fx.clock.advance(Duration.ofDays(3).negated());
    }
  }

  // --- CSV ---

  @Test
  void should_export_visible_cases_as_csv_with_formulas_neutralised() throws Exception {
    Case k = fx.file("glais", "=HYPERLINK(\"http://evil.test\",\"click\")", "@Robin, Jones");
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);

    HttpResponse<String> res = head.get("/admin/cases.csv");

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
    assertThat(res.body()).startsWith("case_id,school,kind,status,question,asker,reviewer,filed_at,updated_at,answer\r\n");
    String line = res.body().lines().filter(l -> l.startsWith(k.id())).findFirst().orElseThrow();
    assertThat(line)
        .startsWith(k.id() + ",glais,question,open,\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"click\"\")\",\"'@Robin, Jones\"," + GLAIS_HEAD + ",");
  }

  // --- gaps ---

  @Test
  void should_group_unsettled_questions_by_topic_largest_first_and_list_overdue_policies() throws Exception {
    fx.file("moorthorpe", "can I use my phone on a school trip", "A");
    fx.file("moorthorpe", "how do I claim mileage for driving to a training course", "B");
    fx.file("moorthorpe", "am I allowed my mobile on an educational visit", "C");
    new Feedback(fx.store, fx.clock).record(new Feedback.Click("k-1", "moorthorpe", "a-1",
        "phones on residential trips - allowed for staff?", "web", "s-1", Feedback.Choice.NOT_HELPFUL));
    AdminFixture.Reviewer moor = signedIn(MOOR_HEAD);

    HttpResponse<String> page = moor.get("/admin/gaps");
    HttpResponse<String> csv = moor.get("/admin/gaps.csv");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("What the policies should cover at their next review")
        .contains("3 questions sent to a reviewer").contains("1 answers marked");
    List<String> rows = csv.body().lines().toList();
    assertThat(rows.get(0)).isEqualTo("school,topic,questions,example 1,example 2,example 3");
    assertThat(rows.get(1)).startsWith("moorthorpe,1,3,").contains("school trip").contains("educational visit").contains("residential");
    assertThat(rows.get(2)).startsWith("moorthorpe,2,1,how do I claim mileage");
    assertThat(page.body()).doesNotContain("care home"); // glais questions stay out of moorthorpe's report
  }

  // --- the web asker ---

  @Test
  void should_give_the_web_asker_the_answer_once_the_head_has_answered() throws Exception {
    ObjectMapper json = new ObjectMapper();
    AdminFixture.Reviewer api = fx.new Reviewer();
    HttpResponse<String> filed = postJson(api, Map.of("school", "glais", "question", "can i take photos of my class on my phone",
        "session", "web-session-1", "request_id", "r-1"));
    String caseId = json.readTree(filed.body()).get("case_id").asText();
    JsonNode before = json.readTree(api.get("/api/my-cases?session=web-session-1").body()).get("cases").get(0);
    AdminFixture.Reviewer head = signedIn(GLAIS_HEAD);

    head.post("/admin/cases/" + caseId + "/answer", Map.of("answer", "Only on the school camera.", "csrf", head.csrf()));

    JsonNode after = json.readTree(api.get("/api/my-cases?session=web-session-1").body()).get("cases").get(0);
    assertThat(before.get("status").asText()).isEqualTo("open");
    assertThat(before.get("answer").isNull()).isTrue();
    assertThat(after.get("case_id").asText()).isEqualTo(caseId);
    assertThat(after.get("status").asText()).isEqualTo("answered");
    assertThat(after.get("answer").asText()).isEqualTo("Only on the school camera.");
    assertThat(after.get("reviewer").asText()).isEqualTo(GLAIS_HEAD);
    assertThat(json.readTree(api.get("/api/my-cases?session=someone-else").body()).get("cases")).isEmpty();
    assertThat(api.get("/api/my-cases").statusCode()).isEqualTo(400);
  }

  private static HttpResponse<String> postJson(AdminFixture.Reviewer client, Map<String, String> body) throws Exception {
    java.net.http.HttpClient c = java.net.http.HttpClient.newHttpClient();
    return c.send(
        java.net.http.HttpRequest.newBuilder(fx.uri("/api/ask-head"))
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
