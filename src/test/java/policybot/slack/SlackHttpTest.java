package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import policybot.answer.EscalationReason;
import policybot.escalation.Case;
import policybot.escalation.Cases;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.slack.SlackFixture.Payloads;
import policybot.store.Feedback;

/**
 * Policy Bot in Slack over HTTP, end to end: real Bolt on the real Jetty server on port 0, real
 * signed requests, and a loopback stand-in for Slack's Web API recording what was sent.
 */
class SlackHttpTest {
  /** Slack wants an ack within 3 s; the bot must be far quicker, as it only queues the work. */
  static final Duration ACK_LIMIT = Duration.ofMillis(1_500);

  static final String PHONE_PHOTOS = "can i take pics of my class on my own phone?";
  static final String PHONE_PHOTOS_RULE = "Personal mobile phones or digital cameras must NEVER be used for taking any photographs";
  static final String DISCLOSURE = "a pupil told me her uncle hits her and asked me not to tell anyone";

  static final String HEAD = "U0HEAD";

  static SlackFixture fx;
  static FakeSlack slack;

  @BeforeAll
  static void start() throws Exception {
    fx = SlackFixture.start();
    slack = fx.slack;
    // Moorthorpe has reviewers; Glais has none yet
    new Roster(fx.channel.store(), policybot.TestEngine.CLOCK).put(new Reviewers("moorthorpe", HEAD, "U0DEPUTY", "U0DSL"));
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @AfterEach
  void clearScripts() {
    slack.clearScripts();
  }

  // ------------------------------------------------------------------ asking

  @Test
  void should_answer_a_direct_message_in_the_dm_with_verdict_quote_and_buttons() {
    String user = user();

    HttpResponse<String> ack = timed(() -> fx.event(Payloads.dm(eventId(), "T1", user, PHONE_PHOTOS, Payloads.nextTs(), null, null)));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));
    assertThat(post.get("thread_ts")).isNull();
    String text = post.text();
    assertThat(text).startsWith(":no_entry: *No*");
    assertThat(text).contains("*" + PHONE_PHOTOS_RULE);
    assertThat(text).contains("|Acceptable use of Technology Code of Conduct Policy");
    assertThat(text).containsPattern("<http://localhost:\\d+/policies/moorthorpe/acceptable-use-of-technology#[a-z0-9-]+\\|");
    assertThat(post.actionIds()).containsExactly(AnswerBlocks.ACTION_HELPFUL, AnswerBlocks.ACTION_NOT_HELPFUL, AnswerBlocks.ACTION_ASK_HEAD);
    assertThat(post.get("text")).as("notification text").startsWith("No.");
  }

  @Test
  void should_answer_a_mention_in_a_thread_under_the_message() {
    String user = user();
    String ts = Payloads.nextTs();

    HttpResponse<String> ack = timed(() -> fx.event(Payloads.mention(eventId(), "T1", "CSTAFF", user, PHONE_PHOTOS, ts, null)));

    assertThat(ack.statusCode()).isEqualTo(200);
    FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> ts.equals(c.get("thread_ts")));
    assertThat(post.get("channel")).isEqualTo("CSTAFF");
    assertThat(post.text()).contains(PHONE_PHOTOS_RULE).doesNotContain("UBOT");
  }

  @Test
  void should_answer_the_slash_command_privately_with_a_share_button() {
    String user = user();
    String url = slack.responseUrl(user);

    HttpResponse<String> ack = timed(() -> fx.command("T1", "CSTAFF", user, PHONE_PHOTOS, url));

    assertThat(ack.statusCode()).isEqualTo(200);
    assertThat(ack.body()).isEmpty();
    FakeSlack.Call reply = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/" + user));
    assertThat(reply.get("response_type")).isEqualTo("ephemeral");
    assertThat(reply.text()).contains(PHONE_PHOTOS_RULE);
    assertThat(reply.actionIds()).contains(AnswerBlocks.ACTION_SHARE, AnswerBlocks.ACTION_HELPFUL, AnswerBlocks.ACTION_ASK_HEAD);
    assertThat(slack.calls("chat.postMessage", c -> "CSTAFF".equals(c.get("channel")) && c.text().contains(user))).isEmpty();
  }

  @Test
  void should_read_a_follow_up_in_a_thread_in_the_light_of_the_threads_first_question() {
    String user = user();
    String root = Payloads.nextTs();
    fx.event(Payloads.mention(eventId(), "T1", "CSTAFF", user, PHONE_PHOTOS, root, null));
    slack.awaitCall("chat.postMessage", c -> root.equals(c.get("thread_ts")));

    fx.event(Payloads.mention(eventId(), "T1", "CSTAFF", user, "so what am i meant to use then?", Payloads.nextTs(), root));

    List<FakeSlack.Call> posts = slack.awaitCalls("chat.postMessage", c -> root.equals(c.get("thread_ts")), 2);
    assertThat(posts.get(1).text()).contains("Ipads specifically for this purpose");
  }

  @Test
  void should_show_policies_and_the_persons_own_recent_questions_on_the_home_tab() {
    String user = user();
    fx.event(Payloads.dm(eventId(), "T1", user, PHONE_PHOTOS, Payloads.nextTs(), null, null));
    slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));

    fx.event(Payloads.homeOpened(eventId(), "T1", user));

    FakeSlack.Call publish = slack.awaitCall("views.publish", c -> user.equals(c.get("user_id")));
    String text = publish.text();
    assertThat(text).contains("Message me").contains("/policy");
    assertThat(text).contains("Moorthorpe Primary School with Inclusion Resource policies");
    assertThat(text).containsPattern("/policies/moorthorpe/acceptable-use-of-technology\\|Acceptable use of Technology Code of Conduct Policy>");
    assertThat(text).contains("*" + PHONE_PHOTOS + "*").contains("Answered: No");
  }

  @Test
  void should_let_a_person_pick_their_school_on_the_home_tab() {
    String user = user();
    fx.event(Payloads.homeOpened(eventId(), "T2", user));
    FakeSlack.Call first = slack.awaitCall("views.publish", c -> user.equals(c.get("user_id")));
    assertThat(first.text()).contains("Which school are you at?");

    fx.click(Payloads.click("T2", null, user, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_moorthorpe", ":moorthorpe", null));

    List<FakeSlack.Call> views = slack.awaitCalls("views.publish", c -> user.equals(c.get("user_id")), 2);
    assertThat(views.get(1).text()).contains("Moorthorpe Primary School with Inclusion Resource policies").contains("Not your school?");
    assertThat(ledger().school("T2", user)).contains("moorthorpe");
  }

  @Test
  void should_answer_slacks_url_verification_challenge() {
    HttpResponse<String> res = fx.event("{\"token\":\"legacy\",\"challenge\":\"c-123\",\"type\":\"url_verification\"}");

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body()).contains("c-123");
  }

  // ------------------------------------------------------------------ buttons

  @Test
  void should_record_helpful_and_not_helpful_clicks_and_say_so() {
    String user = user();
    String id = answerIdOf(askInDm("T1", user, PHONE_PHOTOS));
    String url = slack.responseUrl("fb-" + user);

    fx.click(Payloads.click("T1", "D" + user, user, AnswerBlocks.ACTION_HELPFUL, id, url));
    FakeSlack.Call thanks = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/fb-" + user));

    assertThat(thanks.text()).contains("noted that this answer helped");
    assertThat(thanks.get("response_type")).isEqualTo("ephemeral");
    assertThat(verdictOf(id, user)).contains(Feedback.Choice.HELPFUL);

    fx.click(Payloads.click("T1", "D" + user, user, AnswerBlocks.ACTION_NOT_HELPFUL, id, url));
    List<FakeSlack.Call> replies = slack.awaitCalls(FakeSlack.RESPOND, c -> c.path().endsWith("/fb-" + user), 2);
    assertThat(replies.get(1).text()).contains("did not help");
    assertThat(verdictOf(id, user)).contains(Feedback.Choice.NOT_HELPFUL);
  }

  @Test
  void should_file_an_escalation_case_for_ask_the_head_and_say_honestly_what_happens_next() {
    String user = user();
    String id = answerIdOf(askInDm("T1", user, PHONE_PHOTOS));
    String url = slack.responseUrl("head-" + user);

    fx.click(Payloads.click("T1", "D" + user, user, AnswerBlocks.ACTION_ASK_HEAD, id, url));
    FakeSlack.Call reply = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/head-" + user));

    assertThat(reply.text()).contains("I've sent your question to the head").contains("direct message").contains("the Head");
    List<Case> filed = cases().askedBy(Platform.SLACK, user, 10);
    assertThat(filed).hasSize(1);
    Case c = filed.get(0);
    assertThat(c.school()).isEqualTo("moorthorpe");
    assertThat(c.question()).isEqualTo(PHONE_PHOTOS);
    assertThat(c.reason()).contains(EscalationReason.ASKED_FOR_HEAD);
    assertThat(c.reviewer()).isEqualTo(HEAD);
    assertThat(c.asker().replyTo()).isEqualTo(new ReplyTo.DirectMessage("D" + user));
    assertThat(c.clauses()).isNotEmpty().first().satisfies(cl -> assertThat(cl.text()).contains(PHONE_PHOTOS_RULE));

    fx.click(Payloads.click("T1", "D" + user, user, AnswerBlocks.ACTION_ASK_HEAD, id, url));
    List<FakeSlack.Call> replies = slack.awaitCalls(FakeSlack.RESPOND, c2 -> c2.path().endsWith("/head-" + user), 2);
    assertThat(replies.get(1).text()).contains("already sent this question to the head").contains("waiting for the head's review");
    assertThat(cases().askedBy(Platform.SLACK, user, 10)).hasSize(1);

    cases().answer(c.id(), HEAD, "Use the class iPad instead.");
    fx.event(Payloads.homeOpened(eventId(), "T1", user));
    assertThat(slack.awaitCall("views.publish", v -> user.equals(v.get("user_id"))).text())
        .contains("you asked for the head's view: answered by the head: Use the class iPad instead.");
  }

  @Test
  void should_say_so_when_no_one_at_the_school_reviews_questions_yet() {
    String user = user();
    String ts = Payloads.nextTs();
    fx.event(Payloads.mention(eventId(), "T1", "CGLAIS", user, "can i take photos of my class on my phone", ts, null));
    String id = answerIdOf(slack.awaitCall("chat.postMessage", c -> ts.equals(c.get("thread_ts"))));
    String url = slack.responseUrl("nohead-" + user);

    fx.click(Payloads.click("T1", "CGLAIS", user, AnswerBlocks.ACTION_ASK_HEAD, id, url));

    assertThat(slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/nohead-" + user)).text())
        .contains("nobody at this school has been set up to review questions yet").contains("Mrs Anne Long");
    assertThat(cases().askedBy(Platform.SLACK, user, 10)).isEmpty();
    assertThat(ledger().headRequest(id, user)).contains(java.util.Optional.empty());
  }

  @Test
  void should_share_a_private_answer_into_the_channel_once() {
    String user = user();
    String url = slack.responseUrl("cmd-" + user);
    fx.command("T1", "CSTAFF", user, PHONE_PHOTOS, url);
    String id = answerIdOf(slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/cmd-" + user)));

    fx.click(Payloads.click("T1", "CSTAFF", user, AnswerBlocks.ACTION_SHARE, id, url));

    FakeSlack.Call shared = slack.awaitCall(FakeSlack.RESPOND, c -> "in_channel".equals(c.get("response_type")) && c.path().endsWith("/cmd-" + user));
    assertThat(shared.text()).contains(PHONE_PHOTOS_RULE).contains("Shared by <@" + user + ">");
    assertThat(shared.actionIds()).doesNotContain(AnswerBlocks.ACTION_SHARE).contains(AnswerBlocks.ACTION_HELPFUL);

    fx.click(Payloads.click("T1", "CSTAFF", user, AnswerBlocks.ACTION_SHARE, id, url));
    slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/cmd-" + user) && c.text().contains("already shared"));
    assertThat(slack.calls(FakeSlack.RESPOND, c -> "in_channel".equals(c.get("response_type")) && c.path().endsWith("/cmd-" + user))).hasSize(1);
  }

  // ------------------------------------------------------------------ schools

  @Test
  void should_map_a_workspace_and_a_channel_to_their_schools() {
    String user = user();
    String inGlais = Payloads.nextTs();
    String elsewhere = Payloads.nextTs();

    fx.event(Payloads.mention(eventId(), "T1", "CGLAIS", user, "can i take photos of my class on my phone", inGlais, null));
    fx.event(Payloads.mention(eventId(), "T1", "CSTAFF", user, "can i take photos of my class on my phone", elsewhere, null));

    assertThat(slack.awaitCall("chat.postMessage", c -> inGlais.equals(c.get("thread_ts"))).text())
        .contains("/policies/glais/").doesNotContain("/policies/moorthorpe/");
    assertThat(slack.awaitCall("chat.postMessage", c -> elsewhere.equals(c.get("thread_ts"))).text())
        .contains("/policies/moorthorpe/").doesNotContain("/policies/glais/");
  }

  @Test
  void should_ask_once_which_school_in_a_workspace_with_several_and_remember_it() {
    String user = user();
    fx.event(Payloads.dm(eventId(), "T2", user, "can i take photos of my class on my phone", Payloads.nextTs(), null, null));

    FakeSlack.Call question = slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));
    assertThat(question.text()).contains("Which school are you at?");
    assertThat(question.actionIds()).containsExactly(AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_glais", AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_moorthorpe");
    String glais = buttonValue(question, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_glais");
    String url = slack.responseUrl("school-" + user);

    fx.click(Payloads.click("T2", "D" + user, user, AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_glais", glais, url));

    assertThat(slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/school-" + user)).text()).contains("Got it: Glais Primary School");
    List<FakeSlack.Call> posts = slack.awaitCalls("chat.postMessage", c -> ("D" + user).equals(c.get("channel")), 2);
    assertThat(posts.get(1).text()).contains("/policies/glais/");

    fx.event(Payloads.dm(eventId(), "T2", user, "can I give my password to a TA?", Payloads.nextTs(), null, null));
    posts = slack.awaitCalls("chat.postMessage", c -> ("D" + user).equals(c.get("channel")), 3);
    assertThat(posts.get(2).text()).doesNotContain("Which school").contains("/policies/glais/");
  }

  // ------------------------------------------------------------------ signatures

  @Test
  void should_reject_a_forged_a_missing_and_a_replayed_signature() {
    String user = user();
    String body = Payloads.dm(eventId(), "T1", user, PHONE_PHOTOS, Payloads.nextTs(), null, null);
    String now = String.valueOf(Instant.now().getEpochSecond());
    String stale = String.valueOf(Instant.now().minus(Duration.ofMinutes(6)).getEpochSecond());

    HttpResponse<String> forged = fx.send("application/json", body, now, SlackFixture.sign("not-the-secret", now, body), Map.of());
    HttpResponse<String> missing = fx.send("application/json", body, now, null, Map.of());
    HttpResponse<String> noTimestamp = fx.send("application/json", body, null, SlackFixture.sign(SlackFixture.SECRET, now, body), Map.of());
    HttpResponse<String> replayed = fx.send("application/json", body, stale, SlackFixture.sign(SlackFixture.SECRET, stale, body), Map.of());
    HttpResponse<String> tampered = fx.send("application/json", body.replace("pics", "pictures"), now, SlackFixture.sign(SlackFixture.SECRET, now, body), Map.of());

    assertThat(List.of(forged, missing, noTimestamp, replayed, tampered)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
    // the same request, correctly signed, goes through: proof the ones above failed on the signature alone
    assertThat(fx.event(body).statusCode()).isEqualTo(200);
    slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));
    FakeSlack.sleep(200);
    assertThat(slack.calls("chat.postMessage", c -> ("D" + user).equals(c.get("channel")))).hasSize(1);
  }

  // ------------------------------------------------------------------ reliability

  @Test
  void should_answer_a_retried_or_duplicated_delivery_only_once() {
    String user = user();
    String event = eventId();
    String clientMsgId = SlackFixture.unique("cm-");
    String ts = Payloads.nextTs();
    String body = Payloads.dm(event, "T1", user, PHONE_PHOTOS, ts, clientMsgId, null);

    fx.event(body);
    HttpResponse<String> retry = fx.post("application/json", body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout"));
    // the same message again under a new event id, as Slack may send it
    fx.event(Payloads.dm(eventId(), "T1", user, PHONE_PHOTOS, ts, clientMsgId, null));

    assertThat(retry.statusCode()).isEqualTo(200);
    slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));
    syncAfter();
    assertThat(slack.calls("chat.postMessage", c -> ("D" + user).equals(c.get("channel")))).hasSize(1);
  }

  @Test
  void should_not_answer_a_retry_again_after_a_restart() throws Exception {
    FakeSlack own = new FakeSlack();
    SlackFixture first = SlackFixture.start(own, java.nio.file.Files.createTempDirectory("policybot-slack-restart"), Map.of());
    String user = user();
    String body = Payloads.dm(eventId(), "T1", user, PHONE_PHOTOS, Payloads.nextTs(), SlackFixture.unique("cm-"), null);
    first.event(body);
    own.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));

    SlackFixture second = first.restart();
    try {
      HttpResponse<String> retry = second.post("application/json", body, Map.of("X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_error"));
      String other = user();
      second.event(Payloads.dm(eventId(), "T1", other, PHONE_PHOTOS, Payloads.nextTs(), null, null));
      own.awaitCall("chat.postMessage", c -> ("D" + other).equals(c.get("channel")));

      assertThat(retry.statusCode()).isEqualTo(200);
      FakeSlack.sleep(300);
      assertThat(own.calls("chat.postMessage", c -> ("D" + user).equals(c.get("channel")))).hasSize(1);
    } finally {
      second.close();
    }
  }

  @Test
  void should_wait_out_a_429_without_holding_up_other_people() {
    String slow = user();
    String quick = user();
    slack.script("chat.postMessage", FakeSlack.Reply.rateLimited(1));

    fx.event(Payloads.dm(eventId(), "T1", slow, PHONE_PHOTOS, Payloads.nextTs(), null, null));
    FakeSlack.Call limited = slack.awaitCall("chat.postMessage", c -> ("D" + slow).equals(c.get("channel")));
    fx.event(Payloads.dm(eventId(), "T1", quick, PHONE_PHOTOS, Payloads.nextTs(), null, null));

    FakeSlack.Call other = slack.awaitCall("chat.postMessage", c -> ("D" + quick).equals(c.get("channel")));
    List<FakeSlack.Call> tries = slack.awaitCalls("chat.postMessage", c -> ("D" + slow).equals(c.get("channel")), 2);
    assertThat(Duration.between(limited.at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    assertThat(other.at()).isBefore(tries.get(1).at());
    assertThat(tries.get(1).text()).isEqualTo(limited.text());
  }

  @Test
  void should_log_slack_refusals_and_keep_serving() {
    long refusedBefore = fx.channel.api().refusedCalls();
    slack.script("chat.postMessage", FakeSlack.Reply.error("channel_not_found"), FakeSlack.Reply.error("not_in_channel"), FakeSlack.Reply.error("token_revoked"));
    for (int i = 0; i < 3; i++) {
      String user = user();
      fx.event(Payloads.dm(eventId(), "T1", user, PHONE_PHOTOS, Payloads.nextTs(), null, null));
      slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));
    }

    String after = user();
    fx.event(Payloads.dm(eventId(), "T1", after, PHONE_PHOTOS, Payloads.nextTs(), null, null));

    assertThat(slack.awaitCall("chat.postMessage", c -> ("D" + after).equals(c.get("channel"))).text()).contains(PHONE_PHOTOS_RULE);
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (fx.channel.api().refusedCalls() - refusedBefore < 3 && System.nanoTime() < deadline) {
      FakeSlack.sleep(10);
    }
    assertThat(fx.channel.api().refusedCalls() - refusedBefore).isEqualTo(3);
  }

  @Test
  void should_ignore_messages_from_bots_and_from_itself() {
    fx.event(Payloads.botDm(eventId(), "B0OTHER", PHONE_PHOTOS));
    fx.event(Payloads.botUserDm(eventId(), "U0OTHERBOT", "B0OTHER", PHONE_PHOTOS));
    fx.event(Payloads.dm(eventId(), "T1", FakeSlack.BOT_USER, PHONE_PHOTOS, Payloads.nextTs(), null, null));

    syncAfter();
    assertThat(slack.calls("chat.postMessage", c -> List.of("DBOTCHAT", "DU0OTHERBOT", "D" + FakeSlack.BOT_USER).contains(c.get("channel")))).isEmpty();
  }

  // ------------------------------------------------------------------ content

  @Test
  void should_never_let_policy_or_question_text_ping_anyone_or_become_a_link() {
    String user = user();
    String ts = Payloads.nextTs();

    fx.event(Payloads.mention(eventId(), "T1", "CBRAMBLE", user, "can I use my mobile phone in classrooms?", ts, null));

    FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> ts.equals(c.get("thread_ts")));
    String text = post.text();
    assertThat(text).contains("&lt;!channel&gt;", "&lt;!here&gt;", "&lt;@U0BOSS&gt;", "&lt;https://evil.example/phish|the staff portal&gt;", " &amp; read it");
    assertThat(text).contains("Staff Conduct &amp; Devices &lt;Policy&gt;");
    assertNoPingsOrForeignLinks(text);
    assertNoPingsOrForeignLinks(post.get("text"));

    // a person's own text: a literal <!here> typed in (Slack sends it escaped) and a real @channel
    fx.event(Payloads.dm(eventId(), "T1", user, "&lt;!here&gt; <!channel> <https://evil.example|click> can I use my phone?", Payloads.nextTs(), null, null));
    slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));
    fx.event(Payloads.homeOpened(eventId(), "T1", user));
    String home = slack.awaitCall("views.publish", c -> user.equals(c.get("user_id"))).text();
    assertThat(home).contains("&lt;!here&gt; @channel click can I use my phone?");
    assertNoPingsOrForeignLinks(home);
  }

  @Test
  void should_cut_an_over_long_clause_at_a_sentence_with_a_link_to_the_full_clause() {
    String user = user();
    String ts = Payloads.nextTs();

    fx.event(Payloads.mention(eventId(), "T1", "CBRAMBLE", user, "does the minibus driver need a full licence?", ts, null));

    FakeSlack.Call post = slack.awaitCall("chat.postMessage", c -> ts.equals(c.get("thread_ts")));
    JsonNode blocks = post.blocks();
    assertThat(blocks.size()).isLessThanOrEqualTo(AnswerBlocks.MAX_BLOCKS);
    assertThat(texts(blocks)).allSatisfy(t -> assertThat(t.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT));
    String quote = texts(blocks).stream().filter(t -> t.startsWith("> On minibus journey")).findFirst().orElseThrow();
    assertThat(quote).containsPattern("\\. … <http://[^|>]+/policies/bramble-academy/staff-conduct#[a-z0-9-]+\\|see full clause>");
    assertThat(quote).contains("*");
  }

  @Test
  void should_keep_a_safeguarding_reply_private_to_the_person_who_asked() {
    String user = user();
    String ts = Payloads.nextTs();

    fx.event(Payloads.mention(eventId(), "T1", "CSAFE", user, DISCLOSURE, ts, null));

    FakeSlack.Call ephemeral = slack.awaitCall("chat.postEphemeral", c -> "CSAFE".equals(c.get("channel")));
    assertThat(ephemeral.get("user")).isEqualTo(user);
    assertThat(ephemeral.text()).contains("Safeguarding").contains("the Senior or Deputy Designated Safeguarding Lead").contains("Only you can see this");
    assertThat(ephemeral.get("text")).doesNotContain("uncle");

    String url = slack.responseUrl("safe-" + user);
    fx.command("T1", "CSAFE", user, DISCLOSURE, url);
    FakeSlack.Call reply = slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/safe-" + user));
    assertThat(reply.get("response_type")).isEqualTo("ephemeral");
    assertThat(reply.actionIds()).doesNotContain(AnswerBlocks.ACTION_SHARE, AnswerBlocks.ACTION_ASK_HEAD);

    // a share button forged for the safeguarding answer is refused
    fx.click(Payloads.click("T1", "CSAFE", user, AnswerBlocks.ACTION_SHARE, answerIdOf(reply), url));
    slack.awaitCall(FakeSlack.RESPOND, c -> c.path().endsWith("/safe-" + user) && c.text().contains("stays private"));

    syncAfter();
    assertThat(slack.calls("chat.postMessage", c -> "CSAFE".equals(c.get("channel")))).isEmpty();
    assertThat(slack.calls(FakeSlack.RESPOND, c -> c.path().endsWith("/safe-" + user) && "in_channel".equals(c.get("response_type")))).isEmpty();
    // and the disclosure itself is not kept
    assertThat(ledger().recent("T1", user, 10)).allSatisfy(a -> assertThat(a.question()).isEmpty());
  }

  @Test
  void should_answer_a_concern_at_once_when_the_school_is_not_known_yet() {
    String user = user();

    fx.event(Payloads.mention(eventId(), "T2", "CSTAFF2", user, DISCLOSURE, Payloads.nextTs(), null));

    FakeSlack.Call reply = slack.awaitCall("chat.postEphemeral", c -> "CSTAFF2".equals(c.get("channel")) && user.equals(c.get("user")));
    assertThat(reply.text()).contains("Safeguarding").contains("*Glais Primary School*").contains("the designated person for Child Protection")
        .contains("*Moorthorpe Primary School with Inclusion Resource*").contains("the Senior or Deputy Designated Safeguarding Lead")
        .contains("Which school are you at? I'll also pass this to its designated safeguarding lead");
    syncAfter();
    assertThat(slack.calls("chat.postMessage", c -> "CSTAFF2".equals(c.get("channel")))).isEmpty();
    assertThat(ledger().recent("T2", user, 10)).singleElement().satisfies(a -> assertThat(a.question()).isEmpty());
  }

  // ------------------------------------------------------------------ settings

  @Test
  void should_refuse_to_start_http_mode_without_a_signing_secret() {
    SlackSettings settings = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1"));

    assertThatThrownBy(() -> SlackChannel.create(settings, SlackFixture.index(), fx.data, "", policybot.TestEngine.CLOCK))
        .hasMessageContaining("SLACK_SIGNING_SECRET is required in HTTP mode");
  }

  // ------------------------------------------------------------------ helpers

  private static final Pattern SLACK_MARKUP = Pattern.compile("<([^>]*)>");

  /** Only links to the bot's own pages, and no mention of a person, channel or @here. */
  static void assertNoPingsOrForeignLinks(String mrkdwn) {
    Matcher m = SLACK_MARKUP.matcher(mrkdwn);
    while (m.find()) {
      assertThat(m.group(1)).as("markup in %s", mrkdwn).matches("http://localhost:\\d+/policies/[^|<>]*\\|[^<>]*");
    }
  }

  private static FakeSlack.Call askInDm(String team, String user, String text) {
    fx.event(Payloads.dm(eventId(), team, user, text, Payloads.nextTs(), null, null));
    return slack.awaitCall("chat.postMessage", c -> ("D" + user).equals(c.get("channel")));
  }

  /** Every text field in a block tree, each as Slack counts it against its limits. */
  static List<String> texts(JsonNode node) {
    List<String> out = new java.util.ArrayList<>();
    if (node.isObject() && node.path("text").isTextual()) {
      out.add(node.get("text").asText());
    }
    node.forEach(child -> out.addAll(texts(child)));
    return out;
  }

  static String answerIdOf(FakeSlack.Call call) {
    return buttonValue(call, AnswerBlocks.ACTION_HELPFUL);
  }

  static String buttonValue(FakeSlack.Call call, String actionId) {
    for (JsonNode block : call.blocks()) {
      for (JsonNode el : block.path("elements")) {
        if (actionId.equals(el.path("action_id").asText())) {
          return el.path("value").asText();
        }
      }
    }
    throw new AssertionError("no " + actionId + " button in " + call.blocks());
  }

  private static Cases cases() {
    return new Cases(fx.channel.store(), policybot.TestEngine.CLOCK);
  }

  /** The person's latest verdict as the shared store has it, once the press has been recorded. */
  private static java.util.Optional<Feedback.Choice> verdictOf(String answerId, String user) {
    return new Feedback(fx.channel.store(), policybot.TestEngine.CLOCK).verdictOf(SlackConversation.PLATFORM, answerId, user);
  }

  private static SlackLedger ledger() {
    return fx.channel.conversation().ledger();
  }

  /** Waits until work queued before now has been done, by asking once more and seeing it answered. */
  private static void syncAfter() {
    String marker = user();
    fx.event(Payloads.dm(eventId(), "T1", marker, PHONE_PHOTOS, Payloads.nextTs(), null, null));
    slack.awaitCall("chat.postMessage", c -> ("D" + marker).equals(c.get("channel")));
    FakeSlack.sleep(200);
  }

  static String user() {
    return "U" + SlackFixture.unique("") + "X";
  }

  static String eventId() {
    return SlackFixture.unique("Ev");
  }

  static HttpResponse<String> timed(java.util.function.Supplier<HttpResponse<String>> call) {
    long start = System.nanoTime();
    HttpResponse<String> res = call.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).as("ack time").isLessThan(ACK_LIMIT);
    return res;
  }
}
