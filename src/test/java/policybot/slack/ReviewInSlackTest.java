package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.admin.SignInLinks;
import policybot.escalation.Asker;
import policybot.escalation.Case;
import policybot.escalation.CaseRequest;
import policybot.escalation.CaseStatus;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Filing;
import policybot.escalation.Fixtures;
import policybot.escalation.Nudge;
import policybot.escalation.Origin;
import policybot.escalation.Overdue;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.RulingStatus;
import policybot.escalation.Rulings;
import policybot.slack.SlackFixture.Payloads;
import policybot.store.Store;
import policybot.store.TestClock;

/**
 * The head's side in Slack, end to end: a question escalated from a channel thread reaches the
 * reviewer by DM, is answered in a modal and the answer lands back in the asker's thread; the
 * deputy, dismiss, the overdue sweep, retries, Slack outages and {@code /policy admin}. Real Bolt
 * on the real server, real signed requests, a loopback Slack, and a real store on a test clock.
 */
class ReviewInSlackTest {
  static final String HEAD = "U0HEAD";
  static final String DEPUTY = "U0DEPUTY";
  static final String DSL = "U0DSL";
  static final String CHANNEL = "CSTAFF";
  static final String QUESTION = "can i take pics of my class on my own phone?";
  static final String RULE = "Personal mobile phones or digital cameras must NEVER be used for taking any photographs";

  @TempDir Path data;

  /** A Monday morning, so one working day later is Tuesday. */
  final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");

  Store store;
  Escalations escalations;
  SlackFixture fx;
  FakeSlack slack;

  @BeforeEach
  void start() throws Exception {
    store = Store.open(Store.sqliteUrl(data));
    escalations = new Escalations(new Cases(store, clock), new Rulings(store, clock), SlackFixture.index()::policyHashes);
    new Roster(store, clock).put(new Reviewers("moorthorpe", HEAD, DEPUTY, DSL));
    fx = SlackFixture.serving(clock, store, escalations);
    slack = fx.slack;
  }

  @AfterEach
  void stop() {
    fx.close();
    store.close();
  }

  @Test
  void should_take_a_thread_question_to_the_head_and_bring_the_answer_back_into_the_thread() {
    String teacher = SlackHttpTest.user();
    String root = fx.askInThread(CHANNEL, teacher, QUESTION);

    fx.askHead(CHANNEL, teacher, root);

    FakeSlack.Call card = fx.awaitCard(HEAD);
    assertThat(slack.calls("conversations.open", c -> HEAD.equals(c.get("users")))).isNotEmpty();
    assertThat(card.actionIds()).containsExactly(ReviewerCards.ACTION_ANSWER, ReviewerCards.ACTION_DEPUTY, ReviewerCards.ACTION_DISMISS);
    assertThat(card.text())
        .contains(QUESTION)
        .contains("<@" + teacher + ">")
        .contains(RULE)
        .containsPattern("<http://localhost:\\d+/policies/moorthorpe/acceptable-use-of-technology#[a-z0-9-]+\\|")
        .contains("Why it came to you");
    String caseId = SlackHttpTest.buttonValue(card, ReviewerCards.ACTION_ANSWER);

    String press = Payloads.click("T1", "D" + HEAD, HEAD, ReviewerCards.ACTION_ANSWER, caseId, slack.responseUrl("card-" + HEAD));
    fx.click(press);
    FakeSlack.Call opened = slack.await("views.open", 1).get(0);
    assertThat(opened.get("trigger_id")).isEqualTo(triggerOf(press));
    JsonNode view = json(opened.get("view"));
    assertThat(view.path("callback_id").asText()).isEqualTo(ReviewerCards.MODAL_ANSWER);
    assertThat(view.path("private_metadata").asText()).isEqualTo(caseId);
    Case filed = escalations.cases().find(caseId).orElseThrow();
    String bestClauseStart = filed.clauses().get(0).text().substring(0, 30);
    assertThat(view.findValuesAsText("initial_value")).singleElement().asString()
        .isEqualTo(policybot.escalation.Draft.of(filed))
        .contains("\"" + bestClauseStart)
        .contains("Acceptable use of Technology Code of Conduct Policy");
    assertThat(view.toString()).contains("Publish as a ruling for everyone");

    HttpResponse<String> submitted = fx.submit(Payloads.answerSubmission("T1", HEAD, caseId, "Use the school's iPads, never your own phone.", true));

    assertThat(submitted.statusCode()).isEqualTo(200);
    assertThat(submitted.body()).doesNotContain("errors");
    FakeSlack.Call reply = slack.awaitCall("chat.postMessage", c -> CHANNEL.equals(c.get("channel")) && root.equals(c.get("thread_ts")) && c.text().contains("Answer from"));
    assertThat(reply.text()).contains("Answer from <@" + HEAD + ">").contains("Use the school's iPads, never your own phone.");
    Case answered = escalations.cases().find(caseId).orElseThrow();
    assertThat(answered.status()).isEqualTo(CaseStatus.ANSWERED);
    assertThat(escalations.rulings().inStatus("moorthorpe", RulingStatus.CURRENT))
        .singleElement()
        .satisfies(r -> {
          assertThat(r.caseId()).contains(caseId);
          assertThat(r.answer()).isEqualTo("Use the school's iPads, never your own phone.");
        });
    FakeSlack.Call updated = slack.awaitCall("chat.update", c -> ("D" + HEAD).equals(c.get("channel")));
    assertThat(updated.get("ts")).as("the card itself is updated").isEqualTo(fx.channel.outbox().sentCards(caseId).get(0).ts());
    assertThat(updated.text()).contains("Answered").contains("Use the school's iPads");
    assertThat(updated.actionIds()).isEmpty();
  }

  @Test
  void should_show_a_blank_answer_as_an_error_in_the_modal_and_change_nothing() {
    String teacher = SlackHttpTest.user();
    fx.askHead(CHANNEL, teacher, fx.askInThread(CHANNEL, teacher, QUESTION));
    String caseId = SlackHttpTest.buttonValue(fx.awaitCard(HEAD), ReviewerCards.ACTION_ANSWER);

    HttpResponse<String> submitted = fx.submit(Payloads.answerSubmission("T1", HEAD, caseId, "   ", false));

    assertThat(submitted.statusCode()).isEqualTo(200);
    JsonNode body = json(submitted.body());
    assertThat(body.path("response_action").asText()).isEqualTo("errors");
    assertThat(body.path("errors").path(ReviewerCards.BLOCK_ANSWER).asText()).contains("write an answer");
    assertThat(escalations.cases().find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void should_send_the_case_to_the_deputy_when_assigned_and_update_the_card_when_dismissed() {
    String teacher = SlackHttpTest.user();
    fx.askHead(CHANNEL, teacher, fx.askInThread(CHANNEL, teacher, QUESTION));
    FakeSlack.Call card = fx.awaitCard(HEAD);
    String caseId = SlackHttpTest.buttonValue(card, ReviewerCards.ACTION_DEPUTY);

    fx.click(Payloads.click("T1", "D" + HEAD, HEAD, ReviewerCards.ACTION_DEPUTY, caseId, slack.responseUrl("dep-" + HEAD)));

    FakeSlack.Call deputyCard = fx.awaitCard(DEPUTY);
    assertThat(deputyCard.text()).contains(QUESTION).contains("assigned to you");
    assertThat(deputyCard.actionIds()).containsExactly(ReviewerCards.ACTION_ANSWER, ReviewerCards.ACTION_DISMISS);
    assertThat(escalations.cases().find(caseId).orElseThrow().reviewer()).isEqualTo(DEPUTY);
    assertThat(slack.awaitCall("chat.update", c -> ("D" + HEAD).equals(c.get("channel"))).text()).contains("Now with <@" + DEPUTY + ">");

    fx.click(Payloads.click("T1", "D" + DEPUTY, DEPUTY, ReviewerCards.ACTION_DISMISS, caseId, slack.responseUrl("dis-" + DEPUTY)));

    FakeSlack.Call dismissed = slack.awaitCall("chat.update", c -> ("D" + DEPUTY).equals(c.get("channel")) && c.text().contains("Dismissed"));
    assertThat(dismissed.actionIds()).isEmpty();
    assertThat(escalations.cases().find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.DISMISSED);
  }

  @Test
  void should_remind_the_head_once_and_then_hand_the_case_to_the_deputy_as_the_sweep_finds_it_overdue() {
    String teacher = SlackHttpTest.user();
    fx.askHead(CHANNEL, teacher, fx.askInThread(CHANNEL, teacher, QUESTION));
    fx.awaitCard(HEAD);
    Overdue rule = Overdue.defaults();

    clock.advance(Overdue.DEFAULT_AFTER.plusMinutes(1));
    List<Nudge> first = escalations.sweepOverdue(rule);
    List<Nudge> again = escalations.sweepOverdue(rule);

    assertThat(first).singleElement().isInstanceOf(Nudge.Remind.class);
    assertThat(again).isEmpty();
    FakeSlack.Call reminder = slack.awaitCalls("chat.postMessage", c -> ("D" + HEAD).equals(c.get("channel")), 2).get(1);
    assertThat(reminder.text()).contains("Reminder").contains(QUESTION);

    clock.advance(Overdue.DEFAULT_AFTER.plusMinutes(1));
    List<Nudge> later = escalations.sweepOverdue(rule);

    assertThat(later).singleElement().isInstanceOf(Nudge.HandOver.class);
    FakeSlack.Call handedOver = fx.awaitCard(DEPUTY);
    assertThat(handedOver.text()).contains("Handed to you as deputy").contains("<@" + HEAD + ">").contains(QUESTION);
    assertThat(handedOver.actionIds()).contains(ReviewerCards.ACTION_ANSWER);
    assertThat(slack.calls("chat.postMessage", c -> ("D" + HEAD).equals(c.get("channel")))).as("one card, one reminder").hasSize(2);
  }

  @Test
  void should_file_one_case_and_send_one_card_when_slack_retries_the_escalating_request() {
    String teacher = SlackHttpTest.user();
    String root = Payloads.nextTs();
    String mention = Payloads.mention(SlackHttpTest.eventId(), "T1", CHANNEL, teacher, QUESTION, root, null);
    fx.event(mention);
    String answerId = SlackHttpTest.answerIdOf(slack.awaitCall("chat.postMessage", c -> root.equals(c.get("thread_ts"))));
    fx.post("application/json", mention, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    String press = Payloads.click("T1", CHANNEL, teacher, AnswerBlocks.ACTION_ASK_HEAD, answerId, slack.responseUrl("head-" + teacher));

    fx.click(press);
    slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/head-" + teacher));
    fx.awaitCard(HEAD);
    HttpResponse<String> retried =
        fx.post("application/x-www-form-urlencoded", "payload=" + java.net.URLEncoder.encode(press, java.nio.charset.StandardCharsets.UTF_8),
            Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));

    assertThat(retried.statusCode()).isEqualTo(200);
    fx.channel.outbox().runDue();
    assertThat(escalations.cases().askedBy(Platform.SLACK, teacher, 10)).hasSize(1);
    assertThat(slack.calls("chat.postMessage", c -> ("D" + HEAD).equals(c.get("channel")))).hasSize(1);
    assertThat(slack.calls("chat.postMessage", c -> root.equals(c.get("thread_ts")))).as("the retried mention is not answered again").hasSize(1);
    assertThat(slack.calls(FakeSlack.RESPOND, c -> c.path().endsWith("/head-" + teacher))).hasSize(1);
  }

  @Test
  void should_deliver_a_card_exactly_once_when_slack_fails_and_then_recovers() {
    String teacher = SlackHttpTest.user();
    String root = fx.askInThread(CHANNEL, teacher, QUESTION);
    slack.script("chat.postMessage", FakeSlack.Reply.error("internal_error"), new FakeSlack.Reply(503, Map.of(), "{\"ok\":false,\"error\":\"service_unavailable\"}"));

    fx.askHead(CHANNEL, teacher, root);

    List<FakeSlack.Call> tries = slack.awaitCalls("chat.postMessage", c -> ("D" + HEAD).equals(c.get("channel")), 3);
    awaitNothingPending();
    int tried = fx.channel.outbox().runDue();
    assertThat(tried).as("nothing left to try once sent").isZero();
    assertThat(slack.calls("chat.postMessage", c -> ("D" + HEAD).equals(c.get("channel")))).hasSize(3);
    assertThat(tries.get(2).actionIds()).contains(ReviewerCards.ACTION_ANSWER);
    assertThat(fx.channel.outbox().sentCards(escalations.cases().askedBy(Platform.SLACK, teacher, 1).get(0).id())).hasSize(1);
  }

  @Test
  void should_deliver_after_a_restart_the_card_and_the_answer_whose_news_was_never_queued() throws Exception {
    new Roster(store, clock).put(Fixtures.REVIEWERS);
    // committed through Cases directly, so no listener hears of them: as when the process stops
    // between a case's commit and its news being queued
    Cases cases = new Cases(store, clock);
    String unsent = ((Filing.Created) cases.file(Fixtures.question("lost-card", "Can I film the nativity?"))).filed().id();
    String unanswered = ((Filing.Created) cases.file(Fixtures.question("lost-answer", "Can I use my own camera?"))).filed().id();
    cases.answer(unanswered, Fixtures.HEAD, "Only the school's cameras, please.");
    assertThat(slack.calls("chat.postMessage", c -> true)).isEmpty();

    fx.close();
    fx = SlackFixture.serving(clock, store, escalations);
    slack = fx.slack;

    FakeSlack.Call card = fx.awaitCard(Fixtures.HEAD);
    assertThat(card.toString()).contains(unsent);
    FakeSlack.Call answer =
        slack.awaitCall("chat.postMessage", c -> "C0STAFF".equals(c.get("channel")) && "1700000000.000100".equals(c.get("thread_ts")));
    assertThat(answer.toString()).contains("Only the school's cameras, please.");
    awaitNothingPending();

    // a second restart finds both already queued and sends nothing again
    fx.close();
    fx = SlackFixture.serving(clock, store, escalations);
    slack = fx.slack;
    fx.channel.outbox().runDue();
    assertThat(slack.calls("chat.postMessage", c -> true)).isEmpty();
  }

  @Test
  void should_dm_a_reviewer_a_single_use_sign_in_link_and_refuse_anyone_else() {
    String stranger = SlackHttpTest.user();

    fx.command("T1", CHANNEL, HEAD, "admin", slack.responseUrl("admin-" + HEAD));
    fx.command("T1", CHANNEL, stranger, "admin", slack.responseUrl("admin-" + stranger));

    FakeSlack.Call dm = slack.awaitCall("chat.postMessage", c -> ("D" + HEAD).equals(c.get("channel")));
    java.util.regex.Matcher token = java.util.regex.Pattern.compile("/admin/sign-in\\?token=([A-Za-z0-9_-]+)").matcher(dm.text());
    assertThat(token.find()).as("a sign-in link in %s", dm.text()).isTrue();
    assertThat(dm.text()).containsPattern("<http://localhost:\\d+/admin/sign-in\\?token=");
    assertThat(slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/admin-" + HEAD)).text()).contains("sent you a sign-in link");
    SignInLinks links = new SignInLinks(store, clock);
    assertThat(links.redeem(token.group(1))).contains(HEAD);
    assertThat(links.redeem(token.group(1))).as("single use").isEmpty();

    assertThat(slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/admin-" + stranger)).text()).contains("Only reviewers");
    assertThat(slack.calls("chat.postMessage", c -> ("D" + stranger).equals(c.get("channel")))).isEmpty();
    assertThat(slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/admin-" + stranger)).get("response_type")).isEqualTo("ephemeral");
  }

  @Test
  void should_offer_the_review_pages_on_a_reviewers_home_tab_and_send_the_link_from_there() {
    fx.event(Payloads.homeOpened(SlackHttpTest.eventId(), "T1", DSL));
    FakeSlack.Call home = slack.awaitCall("views.publish", v -> DSL.equals(v.get("user_id")));
    assertThat(home.actionIds()).contains(HomeView.ACTION_OPEN_ADMIN);

    fx.click(Payloads.click("T1", null, DSL, HomeView.ACTION_OPEN_ADMIN, "admin", null));

    assertThat(slack.awaitCall("chat.postMessage", c -> ("D" + DSL).equals(c.get("channel")) && c.text().contains("/admin/sign-in?token=")))
        .isNotNull();
    String teacher = SlackHttpTest.user();
    fx.event(Payloads.homeOpened(SlackHttpTest.eventId(), "T1", teacher));
    assertThat(slack.awaitCall("views.publish", v -> teacher.equals(v.get("user_id"))).actionIds()).doesNotContain(HomeView.ACTION_OPEN_ADMIN);
  }

  @Test
  void should_send_a_safeguarding_case_to_the_dsl_alone_and_answer_the_asker_privately() {
    String teacher = SlackHttpTest.user();
    Asker asker = new Asker(Platform.SLACK, teacher, teacher, new ReplyTo.Thread(CHANNEL, Payloads.nextTs()));
    CaseRequest concern =
        new CaseRequest(
            "sg-" + teacher, "moorthorpe", policybot.escalation.CaseKind.SAFEGUARDING, SlackHttpTest.DISCLOSURE,
            Optional.empty(), Origin.ENGINE, asker, List.of());

    Case filed = ((Filing.Created) escalations.file(concern)).filed();

    FakeSlack.Call card = fx.awaitCard(DSL);
    assertThat(card.text()).contains("Safeguarding concern").contains("designated safeguarding lead only");
    assertThat(card.get("text")).as("notification").doesNotContain("uncle");
    assertThat(card.actionIds()).containsExactly(ReviewerCards.ACTION_ANSWER, ReviewerCards.ACTION_DISMISS);
    fx.channel.outbox().runDue();
    assertThat(slack.calls("chat.postMessage", c -> ("D" + HEAD).equals(c.get("channel")) || ("D" + DEPUTY).equals(c.get("channel")))).isEmpty();

    escalations.answer(filed.id(), DSL, "Thank you. I will speak to you this morning.", true);

    FakeSlack.Call reply = slack.awaitCall("chat.postMessage", c -> ("D" + teacher).equals(c.get("channel")));
    assertThat(reply.text()).contains("Answer from <@" + DSL + ">");
    assertThat(slack.calls("chat.postMessage", c -> CHANNEL.equals(c.get("channel")) && c.text().contains("Answer from"))).isEmpty();
    assertThat(escalations.rulings().inStatus("moorthorpe", RulingStatus.CURRENT)).as("never a ruling").isEmpty();
  }

  // ------------------------------------------------------------------ helpers

  private void awaitNothingPending() {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (fx.channel.outbox().pending() > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("deliveries still pending after 30 s");
      }
      FakeSlack.sleep(50);
    }
  }

  private static String triggerOf(String payload) {
    return json(payload).path("trigger_id").asText();
  }

  private static JsonNode json(String text) {
    try {
      return FakeSlack.JSON.readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
