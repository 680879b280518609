package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.admin.AdminSite;
import policybot.admin.SignInLinks;
import policybot.escalation.CaseStatus;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.RulingFinder;
import policybot.escalation.Rulings;
import policybot.slack.SlackFixture.Payloads;
import policybot.store.Store;
import policybot.store.TestClock;

/**
 * The head's answer crossing channels, as {@code serve} wires them: a question escalated in Slack
 * and answered on the web pages reaches the asker's Slack thread; an answer published as a ruling
 * in Slack's modal is cited when someone asks the same thing later.
 */
class ReviewAcrossChannelsTest {
  static final String HEAD = "U0HEAD";
  static final String DEPUTY = "U0DEPUTY";
  static final String DSL = "U0DSL";
  static final String CHANNEL = "CSTAFF";
  static final String QUESTION = "can i take pics of my class on my own phone?";

  @TempDir Path data;

  final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Store store;
  Escalations escalations;
  SlackFixture fx;
  FakeSlack slack;

  @BeforeEach
  void start() throws Exception {
    store = Store.open(Store.sqliteUrl(data));
    Rulings rulings = new Rulings(store, clock);
    escalations = new Escalations(new Cases(store, clock), rulings, SlackFixture.index()::policyHashes);
    new Roster(store, clock).put(new Reviewers("moorthorpe", HEAD, DEPUTY, DSL));
    AdminSite admin = new AdminSite(store, escalations, SlackFixture.index(), policybot.escalation.Overdue.defaults(), clock);
    fx = SlackFixture.serving(clock, store, escalations, List.of(admin), new RulingFinder(rulings));
    slack = fx.slack;
  }

  @AfterEach
  void stop() {
    fx.close();
    store.close();
  }

  @Test
  void should_deliver_an_answer_given_on_the_web_pages_to_the_askers_slack_thread() throws Exception {
    String teacher = SlackHttpTest.user();
    String root = fx.askInThread(CHANNEL, teacher, QUESTION);
    fx.askHead(CHANNEL, teacher, root);
    String caseId = SlackHttpTest.buttonValue(fx.awaitCard(HEAD), ReviewerCards.ACTION_ANSWER);

    String cookie = signIn(HEAD);
    String page = get("/admin/cases/" + caseId, cookie).body();
    HttpResponse<String> sent =
        post("/admin/cases/" + caseId + "/answer", cookie,
            Map.of("answer", "Only on a school iPad, never your own phone.", "csrf", csrfIn(page)));

    assertThat(sent.statusCode()).isBetween(200, 303);
    FakeSlack.Call reply =
        slack.awaitCall("chat.postMessage",
            c -> CHANNEL.equals(c.get("channel")) && root.equals(c.get("thread_ts")) && c.text().contains("Answer from"));
    assertThat(reply.text()).contains("<@" + HEAD + ">").contains("Only on a school iPad, never your own phone.");
    assertThat(escalations.cases().find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.ANSWERED);
    FakeSlack.Call card = slack.awaitCall("chat.update", c -> ("D" + HEAD).equals(c.get("channel")));
    assertThat(card.text()).contains("Answered");
  }

  @Test
  void should_cite_a_ruling_published_from_the_slack_modal_when_the_question_is_asked_again() {
    String first = SlackHttpTest.user();
    fx.askHead(CHANNEL, first, fx.askInThread(CHANNEL, first, QUESTION));
    String caseId = SlackHttpTest.buttonValue(fx.awaitCard(HEAD), ReviewerCards.ACTION_ANSWER);
    fx.submit(Payloads.answerSubmission("T1", HEAD, caseId, "No: use a school iPad for class photos.", true));
    slack.awaitCall("chat.postMessage", c -> c.text().contains("Answer from"));

    String later = SlackHttpTest.user();
    String root = Payloads.nextTs();
    fx.event(Payloads.mention(SlackHttpTest.eventId(), "T1", CHANNEL, later, "Can I take pictures of my class on my own phone?", root, null));
    FakeSlack.Call answer = slack.awaitCall("chat.postMessage", c -> root.equals(c.get("thread_ts")));

    // the modal's payload names the reviewer "head"; the ruling is shown with that name and its date
    assertThat(answer.text()).contains("No: use a school iPad for class photos.").contains("Ruling by head").contains("2026");
    assertThat(answer.text()).contains("Personal mobile phones or digital cameras must NEVER be used");
  }

  // ------------------------------------------------------------------ helpers




  /** Signs in as a reviewer would: a fresh link, its page, then the page's form. Returns the cookie. */
  private String signIn(String user) throws Exception {
    String token = new SignInLinks(store, clock).issue(user);
    get(SignInLinks.PATH + "?token=" + token, "");
    HttpResponse<String> res = post(SignInLinks.PATH, "", Map.of("token", token));
    assertThat(res.statusCode()).as("sign-in redirects to the queue").isEqualTo(303);
    return res.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
  }

  private HttpResponse<String> get(String path, String cookie) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
    if (!cookie.isEmpty()) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private HttpResponse<String> post(String path, String cookie, Map<String, String> form) throws Exception {
    String body =
        form.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (!cookie.isEmpty()) {
      b.header("Cookie", cookie);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private URI uri(String path) {
    return fx.server.uri().resolve(path);
  }

  private static String csrfIn(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("a CSRF token on the page").isTrue();
    return m.group(1);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
