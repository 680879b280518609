package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Links the engine writes land on the clause they quote: for a sample of the development questions
 * from every school, each cited link is opened in a real browser and the clause it lands on must
 * be the targeted, highlighted, visible element holding exactly the quoted words.
 */
class PolicyLinksIT {
  private static final Path QUESTIONS = Path.of("src", "test", "resources", "eval", "dev-questions.jsonl");

  /** Answerable questions asked per school; their citations give several clauses each. */
  private static final int QUESTIONS_PER_SCHOOL = 4;

  /** At least a few distinct clauses per school, so the sample means something. */
  private static final int MIN_LINKS = 20;

  private static WebServer server;
  private static WebFixture.Http http;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    server = WebFixture.start(WebFixture.sharedIndex());
    http = new WebFixture.Http(server);
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
  void should_land_every_cited_link_on_its_clause_for_every_school() throws Exception {
    Map<String, JsonNode> citations = citationsBySchoolSample();
    Map<String, Integer> checkedPerSchool = new LinkedHashMap<>();
    assertThat(citations).hasSizeGreaterThanOrEqualTo(MIN_LINKS);

    for (JsonNode citation : citations.values()) {
      String link = citation.get("link").asText();
      String id = link.substring(link.indexOf('#') + 1);

      browser.driver().get(link);

      WebElement target = browser.driver().findElement(By.id(id));
      assertThat(browser.js("return document.querySelector(':target') === arguments[0]", target)).as(link).isEqualTo(true);
      assertThat(target.getAttribute("class")).as(link).contains("clause").contains("is-cited");
      assertThat(target.getCssValue("background-color")).as(link).isEqualTo("rgba(255, 244, 204, 1)");
      assertThat(browser.js(
              "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight;", target))
          .as("%s is scrolled into view", link)
          .isEqualTo(true);
      String shown = (String) browser.js(
          "var t = arguments[0].querySelector('.clause-text').cloneNode(true);"
              + "var n = t.querySelector('.item-number'); if (n) n.remove();"
              + "return t.textContent.trim();",
          target);
      assertThat(shown).as(link).isEqualTo(citation.get("text").asText());
      if (!citation.get("section").asText().isEmpty()) {
        assertThat(target.findElement(By.cssSelector(".clause-path")).getText())
            .as(link)
            .isEqualTo("Section: " + citation.get("section").asText());
      }
      checkedPerSchool.merge(citation.get("school").asText(), 1, Integer::sum);
    }

    assertThat(checkedPerSchool.keySet())
        .containsExactlyInAnyOrderElementsOf(WebFixture.sharedIndex().get().corpus().schools().keySet());
  }

  @Test
  void should_highlight_the_new_clause_when_only_the_fragment_changes() throws Exception {
    String page = "http://localhost:" + server.port() + "/policies/glais/social-media-mobile-phones-and-photography";
    browser.driver().get(page + "#there-is-an-acknowledgment-that-school-d9afab");

    browser.driver().get(page + "#staff-must-never-add-pupils-or-196fe9");

    assertThat(browser.driver().findElements(By.cssSelector(".clause.is-cited")))
        .extracting(e -> e.getAttribute("id"))
        .containsExactly("staff-must-never-add-pupils-or-196fe9");
  }

  @Test
  void should_hold_policy_pages_at_phone_width() throws Exception {
    browser.driver().manage().window().setSize(Browser.PHONE);
    try {
      for (String path : List.of(
          "/policies",
          "/policies/glais",
          "/policies/glais/social-media-mobile-phones-and-photography#http-www-learn-ict-org-uk-d9580f",
          "/policies/moorthorpe/acceptable-use-of-technology")) {
        browser.driver().get("http://localhost:" + server.port() + path);

        assertThat(Accessibility.overflowsHorizontally(browser)).as(path).isFalse();
        assertThat(Accessibility.contrastFailures(browser)).as(path).isEmpty();
      }
      browser.screenshot("policy-phone");
      browser.driver().get("http://localhost:" + server.port() + "/policies/glais");
      browser.screenshot("school-phone");
    } finally {
      browser.driver().manage().window().setSize(Browser.DESKTOP);
    }
  }

  /** Citations, keyed by link, from the first answerable dev questions of each school. */
  private static Map<String, JsonNode> citationsBySchoolSample() throws IOException, InterruptedException {
    Map<String, Integer> asked = new LinkedHashMap<>();
    Map<String, JsonNode> byLink = new LinkedHashMap<>();
    for (String line : Files.readAllLines(QUESTIONS, StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      JsonNode q = WebFixture.JSON.readTree(line);
      String school = q.get("school").asText();
      if (q.get("expect").get("quotes").isEmpty() || q.has("previous") || asked.getOrDefault(school, 0) >= QUESTIONS_PER_SCHOOL) {
        continue;
      }
      asked.merge(school, 1, Integer::sum);
      for (JsonNode c : http.answer(school, q.get("question").asText()).get("clauses")) {
        byLink.putIfAbsent(c.get("link").asText(), c);
      }
    }
    return byLink;
  }
}
