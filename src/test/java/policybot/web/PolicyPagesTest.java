package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.index.LiveIndex;
import policybot.corpus.Clause;
import policybot.corpus.Corpus;
import policybot.corpus.PolicyDocument;

/**
 * The policy pages over HTTP, on a copy of the corpus where one school publishes its policy, and
 * that policy carries hostile markup, so both the source link and the escaping are exercised.
 */
class PolicyPagesTest {
  static final String HOSTILE_CLAUSE =
      "Never paste <script>alert('x')</script> or \"><img src=x onerror=alert(1)> into the staff portal.";

  @TempDir static Path dir;
  private static LiveIndex index;
  private static WebServer server;
  private static WebFixture.Http http;

  @BeforeAll
  static void start() throws Exception {
    Path corpus = WebFixture.copyCorpus(dir);
    Path meta = corpus.resolve("eyrescroft/school.yml");
    Files.writeString(
        meta,
        Files.readString(meta, StandardCharsets.UTF_8)
            + "    source_url: https://eyrescroft.example/policies/acceptable-use.pdf\n"
            + "    adopted: 2023-09-01\n"
            + "    review_due: 2030-09-01\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        corpus.resolve("eyrescroft/acceptable-use-agreement.txt"),
        "\n" + HOSTILE_CLAUSE + "\n",
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    index = WebFixture.startIndex(corpus, dir.resolve("index"), Duration.ZERO);
    server = WebFixture.start(index);
    http = new WebFixture.Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
    index.close();
  }

  @Test
  void should_list_every_school() throws Exception {
    String body = http.get("/policies").body();

    for (String slug : index.get().corpus().schools().keySet()) {
      assertThat(body).contains("href=\"/policies/" + slug + "\"");
    }
  }

  @Test
  void should_list_a_schools_policies_with_dates_and_flag_an_overdue_review() throws Exception {
    HttpResponse<String> res = http.get("/policies/glais");

    assertThat(res.statusCode()).isEqualTo(200);
    assertThat(res.body())
        .contains("href=\"/policies/glais/social-media-mobile-phones-and-photography\"")
        .contains("1 January 2015")
        .contains("1 January 2016")
        .contains("Overdue for review")
        .contains("Not published");
  }

  @Test
  void should_link_the_published_copy_and_not_flag_a_review_still_to_come() throws Exception {
    String body = http.get("/policies/eyrescroft").body();

    assertThat(body)
        .contains("href=\"https://eyrescroft.example/policies/acceptable-use.pdf\"")
        .contains("1 September 2030")
        .doesNotContain("Overdue for review");
  }

  @Test
  void should_anchor_every_clause_of_every_policy_exactly_once() throws Exception {
    Corpus corpus = index.get().corpus();
    int pages = 0;
    for (var entry : corpus.documents().entrySet()) {
      for (PolicyDocument doc : entry.getValue()) {
        HttpResponse<String> res = http.get("/policies/" + entry.getKey() + "/" + doc.id());
        assertThat(res.statusCode()).isEqualTo(200);
        String html = res.body();
        for (Clause c : doc.clauses()) {
          assertThat(count(html, "id=\"" + c.id() + "\"")).as("anchor of %s", c.id()).isEqualTo(1);
        }
        assertThat(html).contains("<h1>" + doc.meta().title().replace("&", "&amp;") + "</h1>");
        pages++;
      }
    }
    assertThat(pages).isEqualTo(5);
  }

  @Test
  void should_render_headings_from_clause_paths_and_numbered_items_as_a_list() throws Exception {
    String html = http.get("/policies/glais/social-media-mobile-phones-and-photography").body();

    assertThat(html).contains("<h2 class=\"policy-heading\">B. Use of social networking by staff in a personal capacity.</h2>");
    assertThat(html).contains("<h3 class=\"policy-heading\">Guidelines issued to staff</h3>");
    assertThat(html).containsPattern("<ol class=\"clause-list numbered\">\\s*<li class=\"clause\" id=\"there-is-an-acknowledgment-that-school-d9afab\"");
  }

  @Test
  void should_make_addresses_in_the_text_clickable() throws Exception {
    String html = http.get("/policies/glais/social-media-mobile-phones-and-photography").body();

    assertThat(html)
        .contains(
            "<a href=\"http://www.learn-ict.org.uk/intersafety/documents/swan_docs/Social_Media_Guidelines.pdf\" rel=\"noopener noreferrer nofollow\">");
  }

  @Test
  void should_show_hostile_policy_text_as_text() throws Exception {
    String html = http.get("/policies/eyrescroft/acceptable-use-agreement").body();

    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    assertThat(html).contains("&quot;&gt;&lt;img src&#61;x onerror&#61;alert(1)&gt;");
  }

  @Test
  void should_answer_404_for_an_unknown_school_or_policy_without_repeating_it() throws Exception {
    HttpResponse<String> school = http.get("/policies/hogwarts");
    HttpResponse<String> policy = http.get("/policies/glais/%3Cscript%3Ealert(1)%3C");
    HttpResponse<String> deep = http.get("/policies/glais/social-media-mobile-phones-and-photography/extra");

    assertThat(school.statusCode()).isEqualTo(404);
    assertThat(school.body()).doesNotContain("hogwarts");
    assertThat(policy.statusCode()).isEqualTo(404);
    assertThat(policy.body()).doesNotContain("script>alert");
    assertThat(deep.statusCode()).isEqualTo(404);
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
