package policybot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.corpus.Clause;
import policybot.corpus.Corpus;
import policybot.corpus.PolicyDocument;

/** Lists the clauses a school's policies were split into, for checking the splitter by eye. */
@Command(
    name = "clauses",
    description = "List the clauses each policy was split into, with their ids and sections.")
final class ClausesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--school", description = "Only this school (slug).")
  String school;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Corpus corpus = common.loadCorpus(spec.commandLine().getErr());
    if (school != null && !corpus.documents().containsKey(school)) {
      spec.commandLine().getErr().printf("policybot: no school called \"%s\"; the schools are: %s%n", school, String.join(", ", corpus.documents().keySet()));
      return 2;
    }
    for (var entry : corpus.documents().entrySet()) {
      if (school != null && !school.equals(entry.getKey())) {
        continue;
      }
      for (PolicyDocument doc : entry.getValue()) {
        out.printf("== %s/%s (%d clauses)%n", entry.getKey(), doc.id(), doc.clauses().size());
        for (Clause c : doc.clauses()) {
          out.printf(
              "#%s  [%s]%s%s%n    %s%n",
              c.id(),
              c.section(),
              c.number().isEmpty() ? "" : " no." + c.number(),
              c.leadIn().isEmpty() ? "" : " lead-in: " + c.leadIn(),
              c.text());
        }
      }
    }
    return 0;
  }
}
