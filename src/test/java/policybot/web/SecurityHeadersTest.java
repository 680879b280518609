package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every response carries the headers that keep pages script-safe, and pages hold no inline code. */
class SecurityHeadersTest {
  private static final List<String> PAGES =
      List.of(
          "/",
          "/policies",
          "/policies/glais",
          "/policies/glais/social-media-mobile-phones-and-photography",
          "/nowhere/%3Cscript%3E",
          "/static/chat.js",
          "/static/style.css",
          "/healthz",
          "/metrics",
          "/api/ask");

  private static WebServer server;
  private static WebFixture.Http http;

  @BeforeAll
  static void start() throws Exception {
    server = WebFixture.start(WebFixture.sharedIndex());
    http = new WebFixture.Http(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void should_send_a_strict_content_security_policy_everywhere() throws Exception {
    for (String page : PAGES) {
      HttpResponse<String> res = http.get(page);

      assertThat(res.headers().firstValue("Content-Security-Policy"))
          .as(page)
          .hasValueSatisfying(
              csp ->
                  assertThat(csp)
                      .contains("script-src 'self'")
                      .contains("frame-ancestors 'none'")
                      .doesNotContain("unsafe-inline")
                      .doesNotContain("unsafe-eval"));
      assertThat(res.headers().firstValue("X-Content-Type-Options")).as(page).hasValue("nosniff");
      assertThat(res.headers().firstValue("Server")).as(page).isEmpty();
    }
  }

  @Test
  void should_have_no_inline_script_style_or_event_handler_in_any_page() throws Exception {
    for (String page : PAGES.subList(0, 5)) {
      String html = http.get(page).body();

      assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
      assertThat(html).as(page).doesNotContainPattern("\\sstyle=");
      assertThat(html).as(page).doesNotContainPattern("\\son[a-z]+=");
    }
  }

  @Test
  void should_not_repeat_an_unknown_path_in_the_404_page() throws Exception {
    HttpResponse<String> res = http.get("/nowhere/%3Cscript%3Ealert(1)%3C");

    assertThat(res.statusCode()).isEqualTo(404);
    assertThat(res.body()).doesNotContain("nowhere").doesNotContain("alert(1)");
  }

  @Test
  void should_reject_an_ambiguous_path_without_repeating_it() throws Exception {
    HttpResponse<String> res = http.get("/policies/glais/%3Cscript%3Ealert(1)%3C%2Fscript%3E");

    assertThat(res.statusCode()).isEqualTo(400);
    assertThat(res.body()).doesNotContain("<script").doesNotContain("alert(1)").doesNotContain("at org.");
    assertThat(res.headers().firstValue("Content-Security-Policy")).isPresent();
  }
}
