package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.DevSet;
import policybot.TestEngine;
import policybot.answer.AnswerService;
import policybot.answer.EscalationReason;
import policybot.escalation.Case;
import policybot.escalation.CaseKind;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.Rulings;
import policybot.slack.SlackFixture.Payloads;
import policybot.store.Store;
import policybot.store.TestClock;

/**
 * Questions the engine escalates become cases by themselves in Slack, and {@code /policy ask-head}
 * files one on request: real Bolt on the real server, signed requests, a loopback Slack and a real
 * store. Questions come from the dev set, confirmed against the engine the server runs.
 */
class AutoEscalationSlackTest {
  static final String HEAD = "U0HEAD";
  static final String DEPUTY = "U0DEPUTY";
  static final String DSL = "U0DSL";
  static final String CHANNEL = "CSTAFF";

  static String escalating;
  static String grounded;
  static String disclosure;

  @TempDir Path data;

  final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
  Store store;
  Escalations escalations;
  SlackFixture fx;
  FakeSlack slack;

  @BeforeAll
  static void pickQuestions() {
    // the index the Slack server answers from (workspace T1 is Moorthorpe)
    AnswerService engine = new AnswerService(SlackFixture.index(), TestEngine.BASE, TestEngine.CLOCK);
    escalating = DevSet.escalating(engine, "moorthorpe");
    grounded = DevSet.grounded(engine, "moorthorpe");
    disclosure = DevSet.safeguarding(engine, "moorthorpe");
  }

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

  private List<Case> casesOf(String user) {
    return escalations.cases().askedBy(Platform.SLACK, user, 10);
  }

  @Test
  void should_file_an_escalated_thread_question_once_and_say_in_the_thread_that_it_went_to_the_head() {
    String teacher = SlackHttpTest.user();
    String root = Payloads.nextTs();
    String mention = Payloads.mention(SlackHttpTest.eventId(), "T1", CHANNEL, teacher, escalating, root, null);

    fx.event(mention);

    FakeSlack.Call answer = slack.awaitCall("chat.postMessage", c -> root.equals(c.get("thread_ts")));
    assertThat(answer.get("channel")).isEqualTo(CHANNEL);
    assertThat(answer.text()).contains("This needs the head's decision").contains("Sent to the head").contains("in this thread");
    assertThat(answer.actionIds()).as("no button to send it twice").doesNotContain(AnswerBlocks.ACTION_ASK_HEAD);
    Case filed = casesOf(teacher).stream().findFirst().orElseThrow();
    assertThat(filed.origin()).isEqualTo(Origin.ENGINE);
    assertThat(filed.question()).isEqualTo(escalating);
    assertThat(filed.reason()).isPresent().get().isNotEqualTo(EscalationReason.ASKED_FOR_HEAD);
    assertThat(filed.reviewer()).isEqualTo(HEAD);
    assertThat(filed.asker().replyTo()).isEqualTo(new ReplyTo.Thread(CHANNEL, root));
    assertThat(answer.text()).contains(filed.id().substring(0, 8));
    FakeSlack.Call card = fx.awaitCard(HEAD);
    assertThat(card.text()).contains(escalating).contains("<@" + teacher + ">");

    // Slack retries the event, then sends the same message again under another event id
    fx.post("application/json", mention, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    fx.event(Payloads.mention(SlackHttpTest.eventId(), "T1", CHANNEL, teacher, escalating, root, null));
    FakeSlack.Call again = slack.awaitCalls("chat.postMessage", c -> root.equals(c.get("thread_ts")), 2).get(1);

    assertThat(again.text()).contains("Sent to the head").contains("already been sent").contains(filed.id().substring(0, 8));
    assertThat(casesOf(teacher)).singleElement().extracting(Case::id).isEqualTo(filed.id());

    // a press of an Ask the head button on the first answer reports the case instead of filing another
    String url = slack.responseUrl("head-" + teacher);
    fx.click(Payloads.click("T1", CHANNEL, teacher, AnswerBlocks.ACTION_ASK_HEAD, SlackHttpTest.answerIdOf(answer), url));
    assertThat(slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/head-" + teacher)).text())
        .contains("already sent this question to the head")
        .contains("waiting for the head's review");
    assertThat(casesOf(teacher)).hasSize(1);
  }

  @Test
  void should_file_nothing_for_a_question_the_policies_answer() {
    String teacher = SlackHttpTest.user();

    String root = fx.askInThread(CHANNEL, teacher, grounded);

    FakeSlack.Call answer = slack.awaitCall("chat.postMessage", c -> root.equals(c.get("thread_ts")));
    assertThat(answer.actionIds()).contains(AnswerBlocks.ACTION_ASK_HEAD);
    assertThat(answer.text()).doesNotContain("Sent to the head");
    assertThat(casesOf(teacher)).isEmpty();
  }

  @Test
  void should_send_a_disclosure_in_a_dm_to_the_dsl_only_and_keep_the_reply_private() {
    String teacher = SlackHttpTest.user();

    fx.event(Payloads.dm(SlackHttpTest.eventId(), "T1", teacher, disclosure, Payloads.nextTs(), SlackFixture.unique("cm-"), null));

    FakeSlack.Call reply = slack.awaitCall("chat.postMessage", c -> ("D" + teacher).equals(c.get("channel")));
    assertThat(reply.text()).contains("Safeguarding").contains("told the designated safeguarding lead").contains("Only you can see this");
    // a person's own list leaves safeguarding cases out: only the DSL sees them
    assertThat(casesOf(teacher)).isEmpty();
    List<Case> dsls = escalations.cases().visibleTo(DSL).stream().filter(c -> c.asker().userId().equals(teacher)).toList();
    assertThat(dsls).hasSize(1);
    Case filed = dsls.get(0);
    assertThat(filed.kind()).isEqualTo(CaseKind.SAFEGUARDING);
    assertThat(filed.origin()).isEqualTo(Origin.ENGINE);
    assertThat(filed.reviewer()).isEqualTo(DSL);
    assertThat(filed.asker().replyTo()).isEqualTo(new ReplyTo.DirectMessage("D" + teacher));
    FakeSlack.Call card = fx.awaitCard(DSL);
    assertThat(card.text()).contains(disclosure);
    assertThat(slack.calls("chat.postMessage", c -> c.text().contains(disclosure)))
        .as("the words go to the DSL's DM and nowhere else")
        .extracting(c -> c.get("channel"))
        .containsOnly("D" + DSL);
    assertThat(escalations.cases().visibleTo(HEAD)).extracting(Case::id).doesNotContain(filed.id());
  }

  @Test
  void should_pass_a_concern_raised_before_the_school_is_known_to_the_dsl_of_the_school_then_picked() {
    // workspace T2 has two schools, and this person has not said which is theirs
    String teacher = SlackHttpTest.user();
    fx.event(Payloads.mention(SlackHttpTest.eventId(), "T2", "CSTAFF2", teacher, disclosure, Payloads.nextTs(), null));
    FakeSlack.Call reply = slack.awaitCall("chat.postEphemeral", c -> "CSTAFF2".equals(c.get("channel")) && teacher.equals(c.get("user")));
    assertThat(reply.text()).contains("Safeguarding").contains("Which school are you at");
    String value = SlackHttpTest.buttonValue(reply, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_moorthorpe");
    assertThat(escalations.cases().visibleTo(DSL)).noneMatch(c -> c.asker().userId().equals(teacher));

    // someone else cannot press it for them
    fx.click(Payloads.click("T2", "CSTAFF2", SlackHttpTest.user(), AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_moorthorpe", value, slack.responseUrl("other-" + teacher)));
    fx.click(Payloads.click("T2", "CSTAFF2", teacher, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_moorthorpe", value, slack.responseUrl("pick-" + teacher)));

    FakeSlack.Call told = slack.awaitCall("chat.postEphemeral", c -> teacher.equals(c.get("user")) && c.text().contains("told the designated safeguarding lead"));
    assertThat(told.get("channel")).isEqualTo("CSTAFF2");
    List<Case> filed = escalations.cases().visibleTo(DSL).stream().filter(c -> c.asker().userId().equals(teacher)).toList();
    assertThat(filed).singleElement().satisfies(c -> {
      assertThat(c.kind()).isEqualTo(CaseKind.SAFEGUARDING);
      assertThat(c.school()).isEqualTo("moorthorpe");
      assertThat(c.question()).isEqualTo(disclosure);
    });

    // a second press finds nothing left to pass on, and files nothing more
    String glais = SlackHttpTest.buttonValue(reply, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_glais");
    fx.click(Payloads.click("T2", "CSTAFF2", teacher, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_glais", glais, slack.responseUrl("again-" + teacher)));
    slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/again-" + teacher) && c.text().contains("no longer have that concern"));
    assertThat(escalations.cases().visibleTo(DSL).stream().filter(c -> c.asker().userId().equals(teacher))).hasSize(1);
  }

  @Test
  void should_answer_policy_ask_head_privately_and_file_it_for_the_head() {
    String teacher = SlackHttpTest.user();
    String url = slack.responseUrl("askhead-" + teacher);

    fx.command("T1", CHANNEL, teacher, "ask-head can I bring my dog to school?", url);

    FakeSlack.Call reply = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/askhead-" + teacher));
    assertThat(reply.get("response_type")).isEqualTo("ephemeral");
    assertThat(reply.text()).contains("Sent to the head").contains("direct message from me");
    assertThat(reply.actionIds()).doesNotContain(AnswerBlocks.ACTION_ASK_HEAD);
    Case filed = casesOf(teacher).stream().findFirst().orElseThrow();
    assertThat(filed.origin()).isEqualTo(Origin.SLASH_COMMAND);
    assertThat(filed.question()).isEqualTo("can I bring my dog to school?");
    assertThat(filed.reviewer()).isEqualTo(HEAD);
    assertThat(filed.asker().replyTo()).isEqualTo(new ReplyTo.DirectMessage(teacher));
    assertThat(fx.awaitCard(HEAD).text()).contains("can I bring my dog to school?");
  }

  @Test
  void should_explain_policy_ask_head_without_a_question_and_file_nothing() {
    String teacher = SlackHttpTest.user();
    String url = slack.responseUrl("usage-" + teacher);

    fx.command("T1", CHANNEL, teacher, "ask-head   ", url);

    FakeSlack.Call reply = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/usage-" + teacher));
    assertThat(reply.text()).contains("/policy ask-head can I bring my dog to school?");
    assertThat(reply.get("response_type")).isEqualTo("ephemeral");
    assertThat(casesOf(teacher)).isEmpty();
  }

  @Test
  void should_ask_for_the_school_first_and_then_file_policy_ask_head() {
    String teacher = SlackHttpTest.user();
    String url = slack.responseUrl("pick-" + teacher);
    new Roster(store, clock).put(new Reviewers("glais", HEAD, DEPUTY, DSL));

    // workspace T2 has two schools, so the person is asked which one first
    fx.command("T2", CHANNEL, teacher, "ask-head can I bring my dog to school?", url);
    FakeSlack.Call choose = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/pick-" + teacher));
    assertThat(choose.text()).contains("Which school are you at?");
    assertThat(casesOf(teacher)).isEmpty();

    String value = SlackHttpTest.buttonValue(choose, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_glais");
    fx.click(Payloads.click("T2", CHANNEL, teacher, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_glais", value, url));

    FakeSlack.Call reply = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/pick-" + teacher) && c.text().contains("Sent to the head"));
    assertThat(reply.get("response_type")).isEqualTo("ephemeral");
    Case filed = casesOf(teacher).stream().findFirst().orElseThrow();
    assertThat(filed.school()).isEqualTo("glais");
    assertThat(filed.origin()).isEqualTo(Origin.SLASH_COMMAND);
    assertThat(filed.question()).isEqualTo("can I bring my dog to school?");
  }
}
