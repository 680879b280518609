package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import policybot.DevSet;
import policybot.TestEngine;
import policybot.answer.AnswerService;
import policybot.index.LiveIndex;
import policybot.escalation.Case;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.Rulings;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;

/** The chat page's "Ask the head" button in a real browser, against the real server and a SQLite store. */
class AskHeadPageIT {
  @TempDir static Path data;

  private static Store store;
  private static Cases cases;
  private static Escalations escalations;
  private static String escalating;
  private static WebServer server;
  private static Browser browser;
  private static String home;

  @BeforeAll
  static void start() throws Exception {
    store = Store.open(Store.sqliteUrl(data));
    cases = new Cases(store, TestEngine.CLOCK);
    escalations = new Escalations(cases, new Rulings(store, TestEngine.CLOCK), school -> Map.of());
    new Roster(store, TestEngine.CLOCK).put(new Reviewers("glais", "head-1", "deputy-1", "dsl-1"));
    LiveIndex index = WebFixture.sharedIndex();
    server =
        WebServer.start(
            WebFixture.config(index.corpus(), WebFixture.GENEROUS_RATE_LIMIT), index, TestEngine.CLOCK, List.of(), Optional.of(escalations));
    escalating = DevSet.escalating(new AnswerService(index, TestEngine.BASE, TestEngine.CLOCK), "glais");
    browser = new Browser();
    home = "http://localhost:" + server.port() + "/";
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
  void freshConversation() {
    browser.driver().manage().window().setSize(Browser.DESKTOP);
    browser.driver().get(home);
    browser.js("window.sessionStorage.clear(); window.localStorage.clear();");
    browser.driver().get(home);
  }

  @Test
  void should_send_the_question_once_and_say_so_even_after_a_reload() {
    chooseSchool("glais");
    WebElement answer = ask("can i take photos of my class on my phone");

    pressAskHead(answer);
    String said = awaitResult(answer);

    assertThat(said).startsWith("Sent to the head.");
    assertThat(answer.findElement(By.cssSelector(".ask-head-button")).isEnabled()).isFalse();
    assertThat(cases.askedBy(Platform.WEB, session(), 10)).hasSize(1);

    browser.driver().navigate().refresh();
    WebElement again = browser.driver().findElement(By.cssSelector("#pb_log .msg-bot"));
    assertThat(again.findElement(By.cssSelector(".ask-head-result")).getText()).isEqualTo(said);
    assertThat(again.findElement(By.cssSelector(".ask-head-button")).isEnabled()).isFalse();
  }

  @Test
  void should_send_an_escalation_by_itself_and_show_the_heads_answer_when_it_comes() {
    chooseSchool("glais");
    WebElement answer = ask(escalating);

    WebElement result = answer.findElement(By.cssSelector(".ask-head-result"));
    assertThat(result.getText()).startsWith("Sent to the head — the answer will appear here");
    assertThat(answer.findElements(By.cssSelector(".ask-head-button"))).as("nothing to press twice").isEmpty();
    List<Case> filed = cases.askedBy(Platform.WEB, session(), 10);
    assertThat(filed).singleElement().satisfies(c -> {
      assertThat(c.origin()).isEqualTo(Origin.ENGINE);
      assertThat(c.question()).isEqualTo(escalating);
    });
    assertThat(result.getText()).endsWith(filed.get(0).id().substring(0, 8));

    escalations.answer(filed.get(0).id(), "head-1", "Not for reports: write them yourself.", false);
    browser.driver().navigate().refresh();

    WebElement again = browser.driver().findElement(By.cssSelector("#pb_log .msg-bot"));
    browser.waiting().until(d -> !again.findElement(By.cssSelector(".head-answer")).getText().isBlank());
    assertThat(again.findElement(By.cssSelector(".head-answer-text")).getText()).isEqualTo("Not for reports: write them yourself.");
    assertThat(cases.askedBy(Platform.WEB, session(), 10)).hasSize(1);
  }

  @Test
  void should_say_when_no_one_can_receive_an_escalation_and_leave_the_button_to_try_again() {
    chooseSchool("moorthorpe");
    WebElement answer = ask("can I park in the staff car park at the weekend");

    assertThat(answer.findElement(By.cssSelector(".ask-head-result")).getText()).startsWith("Not sent: no head is set up");
    assertThat(answer.findElement(By.cssSelector(".ask-head-note")).getText()).contains("has not been sent to anyone");
    pressAskHead(answer);

    assertThat(awaitResult(answer)).startsWith("Not sent: no head is set up");
    assertThat(answer.findElement(By.cssSelector(".ask-head-button")).isEnabled()).isTrue();
  }

  /** This tab's chat session id, which the page sends with each question. */
  private static String session() {
    return (String) browser.js("return window.sessionStorage.getItem('policybot.session');");
  }

  /** Scrolls the button clear of the composer, which stays fixed at the bottom, and presses it. */
  private static void pressAskHead(WebElement answer) {
    WebElement button = answer.findElement(By.cssSelector(".ask-head-button"));
    browser.js("arguments[0].scrollIntoView({block: 'center'});", button);
    button.click();
  }

  private static String awaitResult(WebElement answer) {
    WebElement result = answer.findElement(By.cssSelector(".ask-head-result"));
    browser.waiting().until(d -> !result.getText().isBlank() && !result.getText().startsWith("Sending"));
    return result.getText();
  }

  private void chooseSchool(String slug) {
    new Select(browser.driver().findElement(By.id("pb_school"))).selectByValue(slug);
  }

  private WebElement ask(String question) {
    WebElement box = browser.driver().findElement(By.id("pb_question"));
    box.clear();
    browser.js("arguments[0].value = arguments[1];", box, question);
    box.sendKeys(Keys.ENTER);
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pb_log .msg-bot"), 1));
    browser.waiting().until(d -> "false".equals(d.findElement(By.id("pb_form")).getAttribute("aria-busy")));
    return browser.driver().findElement(By.cssSelector("#pb_log .msg-bot"));
  }
}
