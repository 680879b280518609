package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.config.Config;

class SlackSettingsTest {
  @TempDir Path dir;

  @Test
  void should_be_off_without_a_bot_token_and_choose_socket_mode_when_an_app_token_is_set() {
    assertThat(SlackSettings.fromEnv(Map.of()).mode()).isEqualTo(SlackSettings.Mode.OFF);
    assertThat(SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_SIGNING_SECRET", "s")).mode()).isEqualTo(SlackSettings.Mode.HTTP);
    assertThat(SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")).mode()).isEqualTo(SlackSettings.Mode.SOCKET);
  }

  @Test
  void should_refuse_http_mode_without_a_signing_secret() {
    SlackSettings settings = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1"));

    assertThatThrownBy(settings::validated).isInstanceOf(Config.ConfigException.class).hasMessageContaining("SLACK_SIGNING_SECRET");
    assertThat(SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1")).validated().mode())
        .as("Socket Mode needs no signing secret")
        .isEqualTo(SlackSettings.Mode.SOCKET);
  }

  @Test
  void should_refuse_tokens_of_the_wrong_kind() {
    assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxp-user", "SLACK_SIGNING_SECRET", "s")).validated())
        .hasMessageContaining("xoxb-");
    assertThatThrownBy(() -> SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xoxb-2")).validated())
        .hasMessageContaining("xapp-");
  }

  @Test
  void should_default_to_slacks_api_and_end_a_custom_one_with_a_slash() {
    assertThat(SlackSettings.fromEnv(Map.of()).apiUrl()).isEqualTo("https://slack.com/api/");
    assertThat(SlackSettings.fromEnv(Map.of("SLACK_API_URL", "http://127.0.0.1:9/api")).apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
  }

  @Test
  void should_map_channels_before_workspaces_and_fall_back_otherwise() {
    SlackSettings.SchoolMap map = SlackSettings.SchoolMap.parse("T1=glais, C9=moorthorpe,T2=glais|moorthorpe,T2=eyrescroft");

    assertThat(map.candidates("T1", "C9", List.of("x"))).containsExactly("moorthorpe");
    assertThat(map.candidates("T1", "C1", List.of("x"))).containsExactly("glais");
    assertThat(map.candidates("T2", "D1", List.of("x"))).containsExactly("glais", "moorthorpe", "eyrescroft");
    assertThat(map.candidates("T3", null, List.of("x", "y"))).containsExactly("x", "y");
  }

  @Test
  void should_say_what_a_bad_mapping_looks_like() {
    assertThatThrownBy(() -> SlackSettings.SchoolMap.parse("T1glais")).hasMessageContaining("T123=glais");
  }

  @Test
  void should_read_the_slack_section_of_the_config_file_and_let_the_environment_win() throws IOException {
    Path file = dir.resolve("policybot.yml");
    Files.writeString(
        file,
        """
        port: 8080
        slack:
          bot_token: xoxb-from-file
          signing_secret: file-secret
          api_url: http://127.0.0.1:1/api/
          schools:
            T1: glais
            T2: [glais, moorthorpe]
        """,
        StandardCharsets.UTF_8);

    SlackSettings fromFile = SlackSettings.load(Optional.of(file), Map.of());
    SlackSettings overridden = SlackSettings.load(Optional.of(file), Map.of("SLACK_BOT_TOKEN", "xoxb-env", "SLACK_SCHOOLS", "T9=eyrescroft"));

    assertThat(fromFile.botToken()).isEqualTo("xoxb-from-file");
    assertThat(fromFile.signingSecret()).isEqualTo("file-secret");
    assertThat(fromFile.apiUrl()).isEqualTo("http://127.0.0.1:1/api/");
    assertThat(fromFile.schools().candidates("T2", null, List.of())).containsExactly("glais", "moorthorpe");
    assertThat(overridden.botToken()).isEqualTo("xoxb-env");
    assertThat(overridden.schools().candidates("T1", null, List.of("all"))).containsExactly("all");
    // the main config still reads the same file
    assertThat(Config.load(Optional.of(file), Map.of()).port()).isEqualTo(8080);
  }

  @Test
  void should_never_print_a_secret() {
    SlackSettings s = SlackSettings.fromEnv(Map.of("SLACK_BOT_TOKEN", "xoxb-secret-1", "SLACK_SIGNING_SECRET", "sig-secret", "SLACK_APP_TOKEN", "xapp-secret"));

    assertThat(s.toString()).doesNotContain("secret");
  }
}
