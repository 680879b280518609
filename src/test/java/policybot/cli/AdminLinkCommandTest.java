package policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import policybot.admin.SignInLinks;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;

class AdminLinkCommandTest {
  @TempDir Path tmp;

  private Path data;
  private Path config;

  @BeforeEach
  void reviewers() throws Exception {
    data = tmp.resolve("data");
    config = tmp.resolve("policybot.yml");
    Files.writeString(config, "base_url: https://bot.school.test/\n", StandardCharsets.UTF_8);
    try (Store store = Store.open(Store.sqliteUrl(data))) {
      new Roster(store, Clock.systemUTC()).put(new Reviewers("glais", "U-HEAD", "U-DEP", "U-DSL"));
    }
  }

  private int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cl = Cli.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void should_print_a_working_single_use_link_under_the_configured_base_url_for_a_reviewer() {
    StringWriter out = new StringWriter();

    int code = run(out, new StringWriter(), "admin-link", "--config", config.toString(), "--data", data.toString(),
        "--school", "glais", "--user", "U-DSL");

    assertThat(code).isZero();
    String link = out.toString().lines().findFirst().orElseThrow();
    assertThat(link).startsWith("https://bot.school.test/admin/sign-in?token=");
    assertThat(out.toString()).contains("works once").contains("10 minutes");
    String token = link.substring(link.indexOf("token=") + "token=".length());
    try (Store store = Store.open(Store.sqliteUrl(data))) {
      SignInLinks links = new SignInLinks(store, Clock.systemUTC());
      assertThat(links.redeem(token)).contains("U-DSL");
      assertThat(links.redeem(token)).isEmpty();
    }
  }

  @Test
  void should_refuse_with_exit_code_2_and_no_trace_for_someone_who_is_not_a_reviewer() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = run(out, err, "admin-link", "--config", config.toString(), "--data", data.toString(),
        "--school", "glais", "--user", "U-TEACHER");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("U-TEACHER is not the head, deputy or DSL of glais").doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out.toString()).doesNotContain("token=");
  }

  @Test
  void should_refuse_with_exit_code_2_for_a_school_without_reviewers() {
    StringWriter err = new StringWriter();

    int code = run(new StringWriter(), err, "admin-link", "--config", config.toString(), "--data", data.toString(),
        "--school", "moorthorpe", "--user", "U-HEAD");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("moorthorpe has no reviewers yet").contains("policybot reviewers");
  }
}
