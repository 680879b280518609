package policybot.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.eval.Bench;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;

/** Benchmarks index build, unchanged restart and answer latency on the seed and a generated corpus. */
@Command(
    name = "bench",
    description = "Measure cold index build, unchanged restart and in-process answer latency (p50/p99).")
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--questions", paramLabel = "FILE", description = "Questions to time (default: the development set).")
  Path questions = Path.of("src/test/resources/eval/dev-questions.jsonl");

  @Option(names = "--generated", paramLabel = "N", description = "Also bench a generated corpus of N policies (0 to skip; default 1000).")
  int generated = 1000;

  @Option(names = "--clauses-per-policy", paramLabel = "N", description = "Clauses in each generated policy (default 25).")
  int clausesPerPolicy = 25;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<EvalQuestion> qs = Evaluation.read(questions);
    Path work = Files.createTempDirectory("policybot-bench");
    out.printf(
        "%-14s %8s %9s %11s %10s %8s %8s %10s %10s%n",
        "corpus", "clauses", "model ms", "cold ms", "restart ms", "p50 ms", "p99 ms", "first p50", "first p99");
    out.flush();
    print(out, Bench.run("seed", common.config().corpus(), work, qs, out));
    if (generated > 0) {
      Path gen = Bench.generate(common.config().corpus(), work.resolve("generated"), generated, 100, clausesPerPolicy, 42);
      print(out, Bench.run("generated-" + generated, gen, work, qs, out));
    }
    out.println("cold = parse + split + embed + write from nothing (model already loaded); restart = reopen with no file changed");
    out.println("cold build phases: read = parse + split, embed, write = add to Lucene + commit, open");
    out.println("p50/p99 = a question asked before (its vectors cached); first p50/p99 = a new question, which pays its embedding");
    return 0;
  }

  private static void print(PrintWriter out, Bench.Figures f) {
    out.printf(
        "%-14s %8d %9d %11d %10d %8.2f %8.2f %10.2f %10.2f%n",
        f.corpus(), f.clauses(), f.modelLoadMillis(), f.coldBuildMillis(), f.restartMillis(),
        f.p50Millis(), f.p99Millis(), f.firstP50Millis(), f.firstP99Millis());
    out.println(
        "  cold build: "
            + f.coldPhases().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms").collect(Collectors.joining(", ")));
    out.flush();
  }
}
