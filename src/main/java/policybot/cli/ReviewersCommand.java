package policybot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.config.Config;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;

/** Sets who reviews a school's escalated questions, in the database every instance shares. */
@Command(
    name = "reviewers",
    description =
        "Set a school's reviewers: the head gets escalated questions, the deputy gets them when the"
            + " head is overdue, and the DSL alone gets safeguarding concerns. Replaces any set before.")
final class ReviewersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--school", required = true, paramLabel = "SLUG", description = "School slug, as its corpus folder is named.")
  String school;

  @Option(names = "--head", required = true, paramLabel = "USER", description = "The head's user id.")
  String head;

  @Option(names = "--deputy", required = true, paramLabel = "USER", description = "The deputy's user id.")
  String deputy;

  @Option(names = "--dsl", required = true, paramLabel = "USER", description = "The designated safeguarding lead's user id.")
  String dsl;

  @Override
  public Integer call() {
    Config config = common.config();
    Reviewers reviewers = new Reviewers(school, head, deputy, dsl);
    try (Store store = Store.open(config.jdbcUrl())) {
      new Roster(store, Clock.systemUTC()).put(reviewers);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Reviewers for %s: head %s, deputy %s, DSL %s%n",
        reviewers.school(), reviewers.head(), reviewers.deputy(), reviewers.dsl());
    out.flush();
    return 0;
  }
}
