package policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;

class ReviewersCommandTest {
  @TempDir Path tmp;

  private int run(StringWriter err, String... args) {
    CommandLine cl = Cli.commandLine();
    cl.setOut(new PrintWriter(new StringWriter()));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  @Test
  void should_store_the_reviewers_in_the_data_folders_database_replacing_earlier_ones() {
    Path data = tmp.resolve("data");

    int first = run(new StringWriter(), "reviewers", "--data", data.toString(), "--school", "glais",
        "--head", "U1", "--deputy", "U2", "--dsl", "U3");
    int second = run(new StringWriter(), "reviewers", "--data", data.toString(), "--school", "glais",
        "--head", "U9", "--deputy", "U2", "--dsl", "U3");

    assertThat(first).isZero();
    assertThat(second).isZero();
    try (Store store = Store.open(Store.sqliteUrl(data))) {
      assertThat(new Roster(store, Clock.systemUTC()).all())
          .containsExactly(new Reviewers("glais", "U9", "U2", "U3"));
    }
  }

  @Test
  void should_refuse_without_every_reviewer() {
    StringWriter err = new StringWriter();

    int code = run(err, "reviewers", "--data", tmp.toString(), "--school", "glais", "--head", "U1");

    assertThat(code).isNotZero();
    assertThat(err.toString()).contains("--deputy");
  }
}
