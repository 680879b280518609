package policybot.admin;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import policybot.TestEngine;
import policybot.answer.EscalationReason;
import policybot.index.LiveIndex;
import policybot.config.Config;
import policybot.escalation.Asker;
import policybot.escalation.Case;
import policybot.escalation.CaseClause;
import policybot.escalation.CaseEvents;
import policybot.escalation.CaseKind;
import policybot.escalation.CaseRequest;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Filing;
import policybot.escalation.Origin;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.Rulings;
import policybot.store.Store;
import policybot.store.TestClock;
import policybot.web.WebServer;

/**
 * The real server with the reviewers' pages over the real corpus and a SQLite store, two schools
 * with their own reviewers, and a listener standing in for Slack that records what it is told.
 */
final class AdminFixture implements AutoCloseable {
  static final String GLAIS_HEAD = "U-GLAIS-HEAD";
  static final String GLAIS_DEPUTY = "U-GLAIS-DEPUTY";
  static final String GLAIS_DSL = "U-GLAIS-DSL";
  static final String MOOR_HEAD = "U-MOOR-HEAD";

  final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
  final Store store;
  final Cases cases;
  final Escalations escalations;
  final SignInLinks links;
  final WebServer server;
  /** Cases the stand-in for Slack was told were answered, as "caseId by reviewer". */
  final List<String> toldAnswered = new CopyOnWriteArrayList<>();

  AdminFixture(Path data) throws Exception {
    store = Store.open(Store.sqliteUrl(data));
    cases = new Cases(store, clock);
    LiveIndex index = index();
    escalations = new Escalations(cases, new Rulings(store, clock), index::policyHashes);
    escalations.listen(
        new CaseEvents() {
          @Override
          public void answered(Case answered, String reviewerId) {
            toldAnswered.add(answered.id() + " by " + reviewerId);
          }
        });
    Roster roster = new Roster(store, clock);
    roster.put(new Reviewers("glais", GLAIS_HEAD, GLAIS_DEPUTY, GLAIS_DSL));
    roster.put(new Reviewers("moorthorpe", MOOR_HEAD, "U-MOOR-DEPUTY", "U-MOOR-DSL"));
    links = new SignInLinks(store, clock);
    Config config = new Config(0, "127.0.0.1", "", index.corpus(), data, "", 100_000, 0);
    server =
        WebServer.start(config, index, clock, List.of(new AdminSite(store, escalations, index, policybot.escalation.Overdue.defaults(), clock)), Optional.of(escalations));
  }

  /** The repository's corpus, indexed once per JVM. */
  static LiveIndex index() {
    return TestEngine.liveIndex();
  }

  static final CaseClause PHONES =
      new CaseClause("social-media-mobile-phones-and-photography", "c-1", "Mobile Phone Policy", "Trips", "http://policies.test/policies/glais/social-media-mobile-phones-and-photography#c-1",
          "Staff may carry a mobile phone on educational visits for emergencies.");

  /** Files a question for {@code school}'s head as if asked on the web, with one clause. */
  Case file(String school, String question, String askerName) {
    String session = "s-" + UUID.randomUUID();
    Asker asker = new Asker(Platform.WEB, session, askerName, new ReplyTo.WebSession(session));
    return filed(escalations.file(
        new CaseRequest(UUID.randomUUID().toString(), school, CaseKind.QUESTION, question,
            Optional.of(EscalationReason.NO_CLAUSE_COVERS_IT), Origin.WEB_BUTTON, asker, List.of(PHONES))));
  }

  Case fileSafeguarding(String school, String question) {
    Asker asker = new Asker(Platform.SLACK, "U-TEACHER", "A Teacher", new ReplyTo.DirectMessage("D1"));
    return filed(escalations.file(
        new CaseRequest(UUID.randomUUID().toString(), school, CaseKind.SAFEGUARDING, question, Optional.empty(),
            Origin.ENGINE, asker, List.of())));
  }

  private static Case filed(Filing f) {
    if (f instanceof Filing.Created c) {
      return c.filed();
    }
    throw new AssertionError("not filed: " + f);
  }

  @Override
  public void close() {
    server.close();
    store.close();
  }

  /** A browser-less reviewer: keeps the session cookie and reads CSRF tokens from the pages. */
  final class Reviewer {
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    String cookie = "";

    /** Signs in through a fresh link, as the person would: GET the page, POST its form. */
    Reviewer signIn(String user) throws Exception {
      String token = links.issue(user);
      get("/admin/sign-in?token=" + token);
      HttpResponse<String> res = post("/admin/sign-in", Map.of("token", token));
      if (res.statusCode() != 303) {
        throw new AssertionError("sign-in failed: " + res.statusCode() + " " + res.body());
      }
      cookie = setCookie(res).split(";", 2)[0];
      return this;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
      HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
      if (!cookie.isEmpty()) {
        b.header("Cookie", cookie);
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
      List<String> pairs = new ArrayList<>();
      form.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri(path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs), StandardCharsets.UTF_8));
      if (!cookie.isEmpty()) {
        b.header("Cookie", cookie);
      }
      return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The CSRF token in the forms of a page this reviewer can see. */
    String csrf() throws IOException, InterruptedException {
      return csrfIn(get("/admin").body());
    }
  }

  static String csrfIn(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token on the page");
    }
    return m.group(1);
  }

  static String setCookie(HttpResponse<?> res) {
    return res.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie"));
  }

  URI uri(String path) {
    return server.uri().resolve(path);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
