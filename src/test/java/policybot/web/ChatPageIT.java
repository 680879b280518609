package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The chat page in a real browser, against the real server and engine. */
class ChatPageIT {
  private static WebServer server;
  private static WebFixture.Http api;
  private static Browser browser;
  private static String home;

  @BeforeAll
  static void start() throws Exception {
    server = WebFixture.start(WebFixture.sharedIndex());
    api = new WebFixture.Http(server);
    browser = new Browser();
    // the host name the engine's links use, so following one stays on the same site
    home = "http://localhost:" + server.port() + "/";
  }

  @AfterAll
  static void stop() {
    if (browser != null) { // null when Chromium is missing: let the constructor's message stand alone
      browser.close();
    }
    server.close();
  }

  @BeforeEach
  void freshConversation() {
    browser.driver().manage().window().setSize(Browser.DESKTOP);
    browser.driver().get(home);
    browser.js("window.sessionStorage.clear(); window.localStorage.clear();");
    browser.driver().get(home);
  }

  @Test
  void should_show_the_verdict_and_the_quoted_clauses_with_the_key_sentence_marked() throws Exception {
    JsonNode expected = api.answer("glais", "can i take photos of my class on my phone");
    chooseSchool("glais");

    WebElement answer = ask("can i take photos of my class on my phone");

    assertThat(answer.findElement(By.cssSelector(".badge")).getText()).isEqualTo(badge(expected));
    assertThat(answer.findElement(By.cssSelector(".answer-text")).getText()).isEqualTo(expected.get("answer").asText());
    List<WebElement> quotes = answer.findElements(By.cssSelector(".quote"));
    assertThat(quotes).hasSize(expected.get("clauses").size()).isNotEmpty();
    for (int i = 0; i < quotes.size(); i++) {
      JsonNode clause = expected.get("clauses").get(i);
      WebElement quote = quotes.get(i);
      assertThat(quote.findElement(By.cssSelector("blockquote")).getText()).isEqualTo(clause.get("text").asText());
      assertThat(quote.findElement(By.cssSelector("mark")).getText()).isEqualTo(clause.get("highlight").asText());
      assertThat(quote.findElement(By.cssSelector("a.quote-link")).getAttribute("href")).isEqualTo(clause.get("link").asText());
    }
    assertThat(answer.findElements(By.cssSelector(".warnings .warning")))
        .extracting(WebElement::getText)
        .containsExactlyElementsOf(texts(expected.get("warnings")))
        .anyMatch(w -> w.contains("review"));
    // a tall window shows the whole exchange for the README
    browser.driver().manage().window().setSize(new Dimension(1100, 1400));
    browser.js("window.scrollTo(0, 0);");
    browser.screenshot("chat");
  }

  @Test
  void should_take_a_citation_link_to_the_highlighted_clause_and_keep_the_conversation() throws Exception {
    JsonNode cited = api.answer("glais", "can i take photos of my class on my phone").get("clauses").get(0);
    chooseSchool("glais");
    WebElement answer = ask("can i take photos of my class on my phone");
    WebElement link = answer.findElement(By.cssSelector("a.quote-link"));
    String href = link.getAttribute("href");
    String id = href.substring(href.indexOf('#') + 1);
    assertThat(href).isEqualTo(cited.get("link").asText());

    link.click();
    browser.waiting().until(ExpectedConditions.urlContains("/policies/glais/"));

    WebElement clause = browser.driver().findElement(By.id(id));
    assertThat(browser.js("return document.querySelector(':target') === arguments[0]", clause)).isEqualTo(true);
    assertThat(clause.getCssValue("background-color")).isEqualTo("rgba(255, 244, 204, 1)");
    assertThat(inViewport(clause)).isTrue();
    assertThat(clause.findElement(By.cssSelector(".clause-path")).getText())
        .isEqualTo("Section: " + cited.get("section").asText());
    assertThat(clause.findElement(By.cssSelector(".clause-text")).getText()).endsWith(cited.get("text").asText());
    browser.screenshot("policy");

    browser.driver().navigate().back();
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pb_log .msg-bot"), 1));
  }

  @Test
  void should_say_when_the_policies_do_not_settle_it() throws Exception {
    JsonNode expected = api.answer("moorthorpe", "can I park in the staff car park at the weekend");
    assertThat(expected.get("outcome").asText()).isEqualTo("escalated");
    chooseSchool("moorthorpe");

    WebElement answer = ask("can I park in the staff car park at the weekend");

    assertThat(answer.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Not settled by the policies: ask the head");
    assertThat(answer.findElement(By.cssSelector(".callout-escalated .answer-text")).getText())
        .isEqualTo(expected.get("answer").asText());
    assertThat(answer.findElement(By.cssSelector(".callout-escalated .reason")).getText())
        .isEqualTo("Why: " + expected.get("reason").asText());
    assertThat(answer.findElement(By.cssSelector(".quotes-title")).getText()).isEqualTo("The nearest clauses");
  }

  @Test
  void should_route_a_disclosure_to_the_safeguarding_lead() throws Exception {
    String disclosure = "a year 4 girl told me a man she talks to on snapchat asked her to keep their chats secret";
    JsonNode expected = api.answer("moorthorpe", disclosure);
    assertThat(expected.get("outcome").asText()).isEqualTo("safeguarding");
    chooseSchool("moorthorpe");

    WebElement answer = ask(disclosure);

    assertThat(answer.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Safeguarding: report this now");
    WebElement callout = answer.findElement(By.cssSelector(".callout-safeguarding"));
    assertThat(callout.getAttribute("role")).isEqualTo("alert");
    assertThat(callout.getText()).isEqualTo(expected.get("answer").asText()).contains("Designated Safeguarding Lead");
    assertThat(answer.findElement(By.cssSelector(".quotes-title")).getText()).isEqualTo("What the policy says about reporting");
    browser.screenshot("chat-safeguarding");
  }

  @Test
  void should_send_a_follow_up_with_the_previous_question() throws Exception {
    JsonNode expected =
        api.answer(
            Map.of(
                "school", "glais",
                "question", "what about on a residential?",
                "previous", "can i take photos of my class on my phone"));
    chooseSchool("glais");
    recordRequests();

    ask("can i take photos of my class on my phone");
    WebElement followUp = ask("what about on a residential?");

    @SuppressWarnings("unchecked")
    List<String> bodies = (List<String>) browser.js("return window.__asked;");
    assertThat(bodies).hasSize(2);
    assertThat(bodies.get(0)).doesNotContain("previous");
    JsonNode sent = WebFixture.JSON.readTree(bodies.get(1));
    assertThat(sent.get("school").asText()).isEqualTo("glais");
    assertThat(sent.get("question").asText()).isEqualTo("what about on a residential?");
    assertThat(sent.get("previous").asText()).isEqualTo("can i take photos of my class on my phone");
    // the chat page's own ids, so an escalated answer is filed once for this tab
    assertThat(sent.get("session").asText()).isEqualTo(WebFixture.JSON.readTree(bodies.get(0)).get("session").asText()).isNotBlank();
    assertThat(sent.get("request_id").asText()).isNotBlank().isNotEqualTo(WebFixture.JSON.readTree(bodies.get(0)).get("request_id").asText());
    assertThat(followUp.findElement(By.cssSelector(".badge")).getText()).isEqualTo(badge(expected));
    assertThat(followUp.findElements(By.cssSelector("blockquote")))
        .extracting(WebElement::getText)
        .containsExactlyElementsOf(texts(expected.get("clauses"), "text"));
    assertThat(browser.driver().findElements(By.cssSelector("#pb_log .msg-user"))).hasSize(2);
  }

  @Test
  void should_keep_hostile_input_inert() {
    chooseSchool("glais");
    List<String> hostile =
        List.of(
            "<script>window.__pwned = 1; alert(1)</script>",
            "\"><img src=x onerror=\"window.__pwned = 1; alert(1)\">",
            "<a href=\"javascript:alert(1)\">click</a>");

    for (String text : hostile) {
      ask(text);

      assertNoAlert();
      List<WebElement> asked = browser.driver().findElements(By.cssSelector("#pb_log .msg-user .msg-text"));
      assertThat(asked.get(asked.size() - 1).getText()).isEqualTo(text);
    }
    assertThat(browser.driver().findElements(By.cssSelector("#pb_log img, #pb_log script, #pb_log .msg-user a"))).isEmpty();
    assertThat(browser.js("return window.__pwned === undefined")).isEqualTo(true);
  }

  @Test
  void should_explain_a_question_that_is_far_too_long() {
    browser.js("document.getElementById('pb_question').value = 'a'.repeat(50000);");
    browser.driver().findElement(By.id("pb_ask")).click();

    WebElement answer = awaitAnswer(1);

    assertThat(answer.getText()).contains("larger than 16 KB");
    assertThat(ask("can i take photos of my class on my phone").findElement(By.cssSelector(".badge")).getText())
        .isNotBlank();
  }

  @Test
  void should_refuse_an_unknown_school_without_breaking() {
    browser.js(
        "var o = document.createElement('option'); o.value = '<b>hogwarts</b>'; o.textContent = 'Hogwarts';"
            + "document.getElementById('pb_school').appendChild(o);");
    new Select(browser.driver().findElement(By.id("pb_school"))).selectByValue("<b>hogwarts</b>");

    WebElement answer = ask("can I use my phone?");

    assertThat(answer.findElement(By.cssSelector(".badge")).getText()).isEqualTo("Could not answer that");
    assertNoAlert();
  }

  @Test
  void should_remember_the_chosen_school() {
    chooseSchool("eyrescroft");

    browser.driver().navigate().refresh();

    assertThat(new Select(browser.driver().findElement(By.id("pb_school"))).getFirstSelectedOption().getAttribute("value"))
        .isEqualTo("eyrescroft");
  }

  @Test
  void should_work_from_the_keyboard_with_a_visible_focus() {
    WebElement question = browser.driver().findElement(By.id("pb_question"));
    Actions keyboard = new Actions(browser.driver());

    // from a freshly loaded page: skip link, site links, school, question
    for (int i = 0; i < 10 && !question.equals(browser.driver().switchTo().activeElement()); i++) {
      keyboard.sendKeys(Keys.TAB).perform();
      WebElement focused = browser.driver().switchTo().activeElement();
      assertThat(focused.getCssValue("outline-style")).as("focus ring on %s", focused.getTagName()).isEqualTo("solid");
      assertThat(focused.getCssValue("outline-width")).isEqualTo("3px");
    }
    assertThat(browser.driver().switchTo().activeElement()).isEqualTo(question);

    question.sendKeys("can I install a game on the school laptop for golden time");
    question.sendKeys(Keys.ENTER);

    assertThat(awaitAnswer(1).findElement(By.cssSelector(".badge")).getText()).isNotBlank();
    assertThat(browser.driver().switchTo().activeElement()).isEqualTo(question);
  }

  @Test
  void should_label_every_control_and_meet_aa_contrast() {
    chooseSchool("glais");
    ask("can i take photos of my class on my phone");
    ask("whats the wifi password");
    ask("a y3 girl told me her mum's boyfriend takes pictures of her in the bath");

    for (WebElement control : browser.driver().findElements(By.cssSelector("select, textarea, input"))) {
      String id = control.getAttribute("id");
      assertThat(browser.driver().findElements(By.cssSelector("label[for='" + id + "']"))).as("label for #%s", id).hasSize(1);
    }
    assertThat(Accessibility.contrastFailures(browser)).isEmpty();
  }

  @Test
  void should_fit_a_360_pixel_phone_screen() {
    browser.driver().manage().window().setSize(Browser.PHONE);
    chooseSchool("glais");
    ask("can i take photos of my class on my phone");
    ask("x".repeat(900));

    assertThat(Accessibility.overflowsHorizontally(browser)).isFalse();
    browser.screenshot("chat-phone");
  }

  /** The badge the page shows for an answer record, as chat.js words it. */
  private static String badge(JsonNode record) {
    if (!record.get("outcome").asText().equals("grounded")) {
      return Map.of(
              "escalated", "Not settled by the policies: ask the head",
              "safeguarding", "Safeguarding: report this now",
              "refused", "Could not answer that")
          .get(record.get("outcome").asText());
    }
    return Map.of(
            "yes", "Yes",
            "no", "No",
            "conditional", "Only with permission or on conditions",
            "info", "For information")
        .get(record.get("verdict").asText());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }

  private void chooseSchool(String slug) {
    new Select(browser.driver().findElement(By.id("pb_school"))).selectByValue(slug);
  }

  /** Types a question, presses Enter and returns the answer it gets. */
  private WebElement ask(String question) {
    int before = browser.driver().findElements(By.cssSelector("#pb_log .msg-bot")).size();
    WebElement box = browser.driver().findElement(By.id("pb_question"));
    box.clear();
    browser.js("arguments[0].value = arguments[1];", box, question);
    box.sendKeys(Keys.ENTER);
    return awaitAnswer(before + 1);
  }

  private WebElement awaitAnswer(int count) {
    browser.waiting().until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#pb_log .msg-bot"), count));
    browser.waiting().until(d -> "false".equals(d.findElement(By.id("pb_form")).getAttribute("aria-busy")));
    List<WebElement> answers = browser.driver().findElements(By.cssSelector("#pb_log .msg-bot"));
    return answers.get(answers.size() - 1);
  }

  /** Wraps fetch so the test can read the exact JSON the page sent. */
  private void recordRequests() {
    browser.js(
        "window.__asked = []; var f = window.fetch;"
            + "window.fetch = function (url, init) { window.__asked.push(init.body); return f(url, init); };");
  }

  private boolean inViewport(WebElement element) {
    return (Boolean)
        browser.js(
            "var r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;",
            element);
  }

  private void assertNoAlert() {
    try {
      Alert alert = browser.driver().switchTo().alert();
      String text = alert.getText();
      alert.dismiss();
      throw new AssertionError("an alert ran: " + text);
    } catch (NoAlertPresentException expected) {
      // inert, as it should be
    }
  }
}
