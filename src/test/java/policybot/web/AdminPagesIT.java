package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import policybot.TestEngine;
import policybot.admin.AdminSite;
import policybot.admin.SignInLinks;
import policybot.answer.EscalationReason;
import policybot.index.LiveIndex;
import policybot.escalation.Asker;
import policybot.escalation.Case;
import policybot.escalation.CaseKind;
import policybot.escalation.CaseRequest;
import policybot.escalation.CaseStatus;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Filing;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.Rulings;
import policybot.store.Feedback;
import policybot.store.Store;

/** The reviewers' pages and the web asker's view of the answer, in a real browser. */
class AdminPagesIT {
  @TempDir static Path data;

  private static final String HEAD = "U-HEAD";
  private static final String DSL = "U-DSL";
  /** Head of another school: must see nothing of Glais. */
  private static final String MOOR_HEAD = "U-MOOR-HEAD";

  /** Sets a flag and raises an alert: either would show the payload ran. */
  private static final String IMG_PAYLOAD = "<img src=x onerror=\"window.__pbXss=1;alert(1)\">";
  private static final String SCRIPT_PAYLOAD = "<script>window.__pbXss=2;alert(2)</script>";

  /** The chat checks for an answer every 15 s; this leaves room for one missed tick on a busy box. */
  private static final Duration HEAD_ANSWER_WAIT = Duration.ofSeconds(45);

  private static Store store;
  private static Cases cases;
  private static Escalations escalations;
  private static SignInLinks links;
  private static WebServer server;
  private static Browser browser;
  private static String base;

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(Store.sqliteUrl(data));
    cases = new Cases(store, TestEngine.CLOCK);
    LiveIndex index = WebFixture.sharedIndex();
    escalations = new Escalations(cases, new Rulings(store, TestEngine.CLOCK), index::policyHashes);
    new Roster(store, TestEngine.CLOCK).put(new Reviewers("glais", HEAD, "U-DEPUTY", DSL));
    new Roster(store, TestEngine.CLOCK).put(new Reviewers("moorthorpe", MOOR_HEAD, "U-MOOR-DEPUTY", "U-MOOR-DSL"));
    links = new SignInLinks(store, TestEngine.CLOCK);
    server =
        WebServer.start(
            WebFixture.config(index.corpus(), WebFixture.GENEROUS_RATE_LIMIT), index, TestEngine.CLOCK,
            List.of(new AdminSite(store, escalations, index, policybot.escalation.Overdue.defaults(), TestEngine.CLOCK)), Optional.of(escalations));
    browser = new Browser();
    base = "http://localhost:" + server.port();
  }

  @AfterAll
  static void stop() {
    if (browser != null) { // null when Chromium is missing: let the constructor's message stand alone
      browser.close();
    }
    server.close();
    store.close();
  }

  @BeforeEach
  void signedOut() {
    browser.driver().manage().deleteAllCookies();
  }

  private static Case file(String question, String askerName) {
    String session = "s-" + UUID.randomUUID();
    Filing f =
        escalations.file(
            new CaseRequest(UUID.randomUUID().toString(), "glais", CaseKind.QUESTION, question,
                Optional.of(EscalationReason.NO_CLAUSE_COVERS_IT), Origin.WEB_BUTTON,
                new Asker(Platform.WEB, session, askerName, new ReplyTo.WebSession(session)), List.of()));
    return ((Filing.Created) f).filed();
  }

  private static void signIn() {
    signIn(HEAD);
  }

  private static void signIn(String user) {
    browser.driver().get(SignInLinks.url(base, links.issue(user)));
    browser.driver().findElement(By.id("pb_sign_in")).click();
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pb_counts")));
  }

  @Test
  void should_sign_in_through_a_link_and_answer_a_case() {
    Case k = file("can i bring my dog in on the last day of term", "Sam");

    signIn();
    browser.driver().findElement(By.linkText("can i bring my dog in on the last day of term")).click();
    WebElement box = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pb_answer")));
    assertThat(box.getAttribute("value")).contains("Our policies do not cover this directly.");
    box.clear();
    box.sendKeys("Not this year, sorry.");
    browser.driver().findElement(By.id("pb_send")).click();

    WebElement notice = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pb_notice")));
    assertThat(notice.getText()).contains("Answered");
    assertThat(browser.driver().findElement(By.id("pb_given_answer")).getText()).isEqualTo("Not this year, sorry.");
    Case now = cases.find(k.id()).orElseThrow();
    assertThat(now.status()).isEqualTo(CaseStatus.ANSWERED);
    assertThat(now.answer()).contains("Not this year, sorry.");
    browser.screenshot("admin-case-answered");
  }

  @Test
  void should_show_stored_payloads_as_text_on_the_queue_case_and_gaps_pages() {
    Case k = file(IMG_PAYLOAD + " can i use my phone on a trip", SCRIPT_PAYLOAD);
    new Feedback(store, TestEngine.CLOCK)
        .record(new Feedback.Click("xss-" + UUID.randomUUID(), "glais", "a-1", SCRIPT_PAYLOAD + " phones on trips?", "web", "s-x",
            Feedback.Choice.NOT_HELPFUL));
    signIn();

    for (String page : List.of("/admin", "/admin/cases/" + k.id(), "/admin/gaps")) {
      browser.driver().get(base + page);
      browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pb_main")));

      assertThat(browser.js("return window.__pbXss === undefined;")).as(page).isEqualTo(true);
      assertThat(browser.js("return document.querySelectorAll('main img, main script').length;")).as(page).isEqualTo(0L);
      assertThat(browser.driver().findElement(By.id("pb_main")).getText()).as(page).contains(IMG_PAYLOAD);
    }
    browser.driver().get(base + "/admin/cases/" + k.id());
    assertThat(browser.driver().findElement(By.cssSelector(".asker")).getText()).contains(SCRIPT_PAYLOAD);
  }

  @Test
  void should_show_the_web_asker_the_heads_answer_under_their_question() {
    browser.driver().get(base + "/");
    browser.js("window.sessionStorage.clear(); window.localStorage.clear();");
    browser.driver().get(base + "/");
    new Select(browser.driver().findElement(By.id("pb_school"))).selectByValue("glais");
    WebElement box = browser.driver().findElement(By.id("pb_question"));
    browser.js("arguments[0].value = arguments[1];", box, "can i take photos of my class on my phone");
    box.sendKeys(Keys.ENTER);
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pb_log .msg-bot"), 1));
    WebElement answer = browser.driver().findElement(By.cssSelector("#pb_log .msg-bot"));
    WebElement button = answer.findElement(By.cssSelector(".ask-head-button"));
    browser.js("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
    WebElement result = answer.findElement(By.cssSelector(".ask-head-result"));
    browser.waiting().until(d -> result.getText().startsWith("Sent to the head."));
    Case k = cases.visibleTo(HEAD).stream()
        .filter(c -> c.question().equals("can i take photos of my class on my phone")).findFirst().orElseThrow();

    escalations.answer(k.id(), HEAD, "Use the school iPads, <b>never</b> your own phone.", false);

    new WebDriverWait(browser.driver(), HEAD_ANSWER_WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pb_log .head-answer-text")));
    WebElement shown = answer.findElement(By.cssSelector(".head-answer-text"));
    assertThat(shown.getText()).isEqualTo("Use the school iPads, <b>never</b> your own phone.");
    assertThat(answer.findElements(By.cssSelector(".head-answer b"))).isEmpty();
    browser.driver().navigate().refresh();
    assertThat(browser.driver().findElement(By.cssSelector("#pb_log .head-answer-text")).getText())
        .isEqualTo("Use the school iPads, <b>never</b> your own phone.");
  }

  @Test
  void should_refuse_a_form_whose_csrf_token_was_tampered_with_and_change_nothing() {
    Case k = file("can i wear trainers on sports day", "Kim");
    signIn();
    browser.driver().get(base + "/admin/cases/" + k.id());
    WebElement box = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pb_answer")));
    box.clear();
    box.sendKeys("Yes.");
    // as a forged page would: the form posts, but not with this session's token
    browser.js("document.querySelectorAll('input[name=csrf]').forEach(function (i) { i.value = 'forged'; });");
    browser.driver().findElement(By.id("pb_send")).click();

    browser.waiting().until(ExpectedConditions.titleContains("Form not accepted"));
    assertThat(cases.find(k.id()).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
  }

  @Test
  void should_show_another_schools_head_nothing_of_this_schools_cases() {
    Case k = file("can i park in the staff car park on open evening", "Lee");
    signIn(MOOR_HEAD);

    assertThat(browser.driver().findElement(By.id("pb_main")).getText()).doesNotContain(k.question());
    browser.driver().get(base + "/admin/cases/" + k.id());
    browser.waiting().until(ExpectedConditions.titleContains("Not found"));
    assertThat(browser.driver().findElement(By.id("pb_main")).getText()).doesNotContain(k.question());
    browser.driver().get(base + "/admin/cases.csv");
    assertThat(browser.driver().getPageSource()).doesNotContain(k.question());
  }

  @Test
  void should_show_a_safeguarding_case_to_the_dsl_and_not_to_the_head() {
    String session = "s-" + UUID.randomUUID();
    Case concern =
        ((Filing.Created)
                escalations.file(
                    new CaseRequest(UUID.randomUUID().toString(), "glais", CaseKind.SAFEGUARDING,
                        "a pupil told me something worrying about home " + UUID.randomUUID(), Optional.empty(), Origin.ENGINE,
                        new Asker(Platform.WEB, session, "Ash", new ReplyTo.WebSession(session)), List.of())))
            .filed();

    signIn(HEAD);
    assertThat(browser.driver().findElement(By.id("pb_main")).getText()).doesNotContain(concern.question());
    browser.driver().get(base + "/admin/cases/" + concern.id());
    browser.waiting().until(ExpectedConditions.titleContains("Not found"));

    browser.driver().manage().deleteAllCookies();
    signIn(DSL);
    assertThat(browser.driver().findElement(By.id("pb_main")).getText()).contains(concern.question());
    browser.driver().get(base + "/admin/cases/" + concern.id());
    browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("pb_answer")));
    assertThat(browser.driver().findElement(By.id("pb_status_value")).getText()).contains("Safeguarding");
  }
}
