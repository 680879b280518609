package policybot.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.admin.SignInLinks;
import policybot.config.Config;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.store.Store;

/** Prints a single-use sign-in link to the reviewers' pages, for first setup or when Slack is off. */
@Command(
    name = "admin-link",
    description =
        "Print a sign-in link to the reviewers' pages (/admin) for a school's head, deputy or DSL."
            + " The link works once and expires in 10 minutes.")
final class AdminLinkCommand implements Callable<Integer> {

  /** Exit code for a user who is not a reviewer of the school, as for other bad input. */
  static final int NOT_A_REVIEWER = 2;

  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--school", required = true, paramLabel = "SLUG", description = "School slug, as its corpus folder is named.")
  String school;

  @Option(names = "--user", required = true, paramLabel = "USER", description = "The reviewer's user id, as given to 'policybot reviewers'.")
  String user;

  @Override
  public Integer call() {
    Config config = common.config();
    PrintWriter err = spec.commandLine().getErr();
    String who = user.strip();
    String token;
    try (Store store = Store.open(config.jdbcUrl())) {
      Optional<Reviewers> reviewers = new Roster(store, Clock.systemUTC()).of(school.strip());
      if (reviewers.isEmpty()) {
        err.printf(
            "policybot: %s has no reviewers yet; set them first with policybot reviewers --school %s --head U --deputy U --dsl U%n",
            school, school);
        err.flush();
        return NOT_A_REVIEWER;
      }
      Reviewers r = reviewers.get();
      if (!who.equals(r.head()) && !who.equals(r.deputy()) && !who.equals(r.dsl())) {
        err.printf(
            "policybot: %s is not the head, deputy or DSL of %s, so no link was made (run policybot reviewers to change who reviews)%n",
            who, school);
        err.flush();
        return NOT_A_REVIEWER;
      }
      token = new SignInLinks(store, Clock.systemUTC()).issue(who);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println(SignInLinks.url(config.linkBase(), token));
    out.printf(
        "Sign-in link for %s. It works once and expires in %d minutes; open it in the browser you will review in.%n",
        who, SignInLinks.LINK_LIFETIME.toMinutes());
    out.flush();
    return 0;
  }
}
