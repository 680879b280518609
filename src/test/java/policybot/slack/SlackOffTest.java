package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.config.Config;
import policybot.web.WebServer;

/** Without Slack, or with a token Slack rejects, the web app runs on and /slack/events is not served. */
class SlackOffTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void should_leave_slack_off_without_a_bot_token_and_keep_the_web_app() throws Exception {
    SlackChannel channel = SlackChannel.create(SlackSettings.fromEnv(Map.of()), SlackFixture.index(), Files.createTempDirectory("slack-off"), "", TestEngine.CLOCK);

    try (WebServer server = start(channel)) {
      assertThat(channel.mode()).isEqualTo(SlackSettings.Mode.OFF);
      assertThat(channel.isRunning()).isFalse();
      assertThat(post(server.uri().resolve(SlackChannel.EVENTS_PATH)).statusCode()).isEqualTo(404);
      assertThat(get(server.uri().resolve("/healthz")).statusCode()).isEqualTo(200);
    } finally {
      channel.close();
    }
  }

  @Test
  void should_turn_slack_off_and_keep_the_web_app_when_slack_rejects_the_token() throws Exception {
    try (FakeSlack slack = new FakeSlack()) {
      slack.script("auth.test", FakeSlack.Reply.error("token_revoked"));
      SlackChannel channel =
          SlackChannel.create(
              SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-revoked", "SLACK_SIGNING_SECRET", "s", "SLACK_API_URL", slack.apiUrl())),
              SlackFixture.index(),
              Files.createTempDirectory("slack-revoked"),
              "",
              TestEngine.CLOCK);

      try (WebServer server = start(channel)) {
        assertThat(channel.isRunning()).isFalse();
        assertThat(post(server.uri().resolve(SlackChannel.EVENTS_PATH)).statusCode()).isEqualTo(404);
        assertThat(get(server.uri().resolve("/healthz")).statusCode()).isEqualTo(200);
      } finally {
        channel.close();
      }
    }
  }

  private static WebServer start(SlackChannel channel) throws Exception {
    Config config = new Config(0, "127.0.0.1", "", SlackFixture.index().corpus(), Files.createTempDirectory("slack-off-data"), "", 100, 0);
    return WebServer.start(config, SlackFixture.index(), TestEngine.CLOCK, List.of(channel));
  }

  private HttpResponse<String> post(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}
