package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.TestEngine;
import policybot.index.LiveIndex;
import policybot.config.Config;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;
import policybot.web.WebServer;

/** Slack files its cases in the server's store when given one, and leaves it open for the others. */
class SlackSharedStoreTest {
  @TempDir Path data;

  @Test
  void should_file_in_the_shared_store_and_leave_it_open_when_slack_stops() throws Exception {
    LiveIndex index = SlackFixture.index();
    Map<String, String> env =
        Map.of(
            "SLACK_BOT_TOKEN", SlackFixture.BOT_TOKEN,
            "SLACK_SIGNING_SECRET", SlackFixture.SECRET,
            "SLACK_SCHOOLS", SlackFixture.SCHOOLS);
    try (FakeSlack slack = new FakeSlack();
        Store store = Store.open(Store.sqliteUrl(data.resolve("shared")))) {
      Map<String, String> withApi = new HashMap<>(env);
      withApi.put("SLACK_API_URL", slack.apiUrl());
      SlackChannel channel = SlackChannel.create(SlackSettings.fromEnv(withApi), index, data, "", TestEngine.CLOCK, store);
      WebServer server =
          WebServer.start(new Config(0, "127.0.0.1", "", index.corpus(), data, "", 100, 0), index, TestEngine.CLOCK, List.of(channel));

      assertThat(channel.isRunning()).isTrue();
      assertThat(channel.store()).isSameAs(store);

      server.close();
      channel.close();
      Roster roster = new Roster(store, TestEngine.CLOCK);
      roster.put(new Reviewers("glais", "U1", "U2", "U3"));
      assertThat(roster.all()).hasSize(1);
    }
  }
}
