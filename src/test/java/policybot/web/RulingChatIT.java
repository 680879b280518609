package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import policybot.TestEngine;
import policybot.index.LiveIndex;
import policybot.escalation.PolicyVersion;
import policybot.escalation.RulingFinder;
import policybot.escalation.Rulings;
import policybot.store.TestClock;
import policybot.store.TestStores;
import policybot.store.TestStores.Db;

/** The chat page in a real browser shows a cited ruling, as text, above the clauses. */
class RulingChatIT {

  @RegisterExtension static final TestStores stores = new TestStores();

  private static final String RULING = "No. Take it indoors with you <b>always</b>.";

  private static WebServer server;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    LiveIndex index = WebFixture.sharedIndex();
    Rulings rulings = new Rulings(stores.open(Db.SQLITE), TestClock.at("2026-01-13T10:00:00Z"));
    List<PolicyVersion> restsOn =
        index.policyHashes("moorthorpe").entrySet().stream().map(e -> new PolicyVersion(e.getKey(), e.getValue())).toList();
    rulings.publish(
        "moorthorpe", "can i leave my school laptop in the car overnight", RULING, "U0HEAD", Optional.of("Mrs Khan"), restsOn, Optional.empty());
    server =
        WebServer.start(
            WebFixture.config(index.corpus(), WebFixture.GENEROUS_RATE_LIMIT),
            index,
            TestEngine.CLOCK,
            List.of(),
            Optional.empty(),
            new RulingFinder(rulings));
    browser = new Browser();
  }

  @AfterAll
  static void stop() {
    if (browser != null) { // null when Chromium is missing: let the constructor's message stand alone
      browser.close();
    }
    server.close();
  }

  @Test
  void should_show_the_ruling_with_reviewer_and_date_above_the_clauses() {
    browser.driver().get("http://localhost:" + server.port() + "/");
    new Select(browser.driver().findElement(By.id("pb_school"))).selectByValue("moorthorpe");
    WebElement box = browser.driver().findElement(By.id("pb_question"));
    browser.js("arguments[0].value = arguments[1];", box, "is it ok to keep the school laptop in my car overnight?");
    box.sendKeys(Keys.ENTER);
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pb_log .msg-bot"), 1));
    WebElement answer = browser.driver().findElement(By.cssSelector("#pb_log .msg-bot"));

    WebElement ruling = answer.findElement(By.cssSelector(".rulings .ruling"));
    assertThat(ruling.findElement(By.cssSelector(".quote-text")).getText()).isEqualTo(RULING);
    assertThat(ruling.findElements(By.tagName("b"))).as("markup stays text").isEmpty();
    assertThat(ruling.findElement(By.cssSelector(".ruling-source")).getText())
        .isEqualTo("Ruling by Mrs Khan, 13 January 2026, on “can i leave my school laptop in the car overnight”");
    List<WebElement> blocks = answer.findElements(By.cssSelector(".quotes"));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(2);
    assertThat(blocks.get(0).getAttribute("class")).contains("rulings");
    browser.screenshot("chat-ruling");
  }
}
