package policybot.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import policybot.index.ClauseIndex;
import policybot.index.Embedder;

/** Builds or refreshes the search index. */
@Command(
    name = "index",
    description = "Build the search index, or refresh it for policy files that changed since the last run.")
final class IndexCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Override
  public Integer call() throws Exception {
    try (ClauseIndex index = Engine.openIndex(common.config(), spec.commandLine().getErr(), true, new Embedder())) {
      spec.commandLine().getOut().printf("%d clauses from %d schools in %s%n",
          index.size(), index.corpus().schools().size(), common.config().data().resolve("index"));
      return index.corpus().problems().isEmpty() ? 0 : 1;
    }
  }
}
