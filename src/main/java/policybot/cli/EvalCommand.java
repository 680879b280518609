package policybot.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import policybot.answer.AnswerService;
import policybot.answer.TemplateComposer;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;
import policybot.index.SearchMode;

/** Runs a question set and prints the accuracy and latency figures, per retrieval method. */
@Command(
    name = "eval",
    description = "Run an evaluation question set and print retrieval, verdict, escalation and latency figures.")
final class EvalCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin CommonOptions common;

  @Option(names = "--questions", required = true, paramLabel = "FILE", description = "JSONL question set (id, school, question, expect).")
  Path questions;

  @Option(names = "--method", paramLabel = "METHOD", description = "bm25, vector, hybrid or all (default: all, compared side by side).")
  String method = "all";

  @Option(names = "--failures", description = "List the questions each method got wrong.")
  boolean failures;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    List<EvalQuestion> qs = Evaluation.read(questions);
    List<SearchMode> modes =
        method.equalsIgnoreCase("all")
            ? List.of(SearchMode.BM25, SearchMode.VECTOR, SearchMode.HYBRID)
            : List.of(SearchMode.valueOf(method.toUpperCase(java.util.Locale.ROOT)));
    try (Engine e = Engine.open(common.config(), spec.commandLine().getErr(), false, SearchMode.HYBRID)) {
      out.printf("%d questions from %s%n%n", qs.size(), questions);
      // new columns go after the existing ones: outside tools read these by position
      out.printf("%-8s %7s %7s %9s %8s %9s %9s %9s %6s %7s %7s %8s%n",
          "method", "top3", "top1", "medQuote", "verdict", "unansEsc", "safeg", "ansEsc", "cross", "p50ms", "p99ms", "ansVerd");
      for (SearchMode mode : modes) {
        AnswerService svc = new AnswerService(e::index, e.config().linkBase(), java.time.Clock.systemDefaultZone(), new TemplateComposer(), mode);
        Evaluation.Report r = Evaluation.run(svc, qs);
        out.printf("%-8s %7.3f %7.3f %9.0f %8.3f %9.3f %9.3f %9.3f %6d %7.2f %7.2f %8.3f%n",
            mode.name().toLowerCase(java.util.Locale.ROOT), r.top3(), r.top1(), r.medianQuoteChars(), r.verdictRight(),
            r.unanswerableEscalated(), r.safeguardingRouted(), r.answerableEscalated(), r.crossSchoolCitations(),
            r.p50Millis(), r.p99Millis(), r.verdictOnAnswered());
        if (failures) {
          for (Evaluation.Outcome o : r.outcomes()) {
            boolean wrong = (o.q().answerable() && !o.foundTop1()) || !o.verdictRight();
            if (wrong) {
              out.printf("   %-22s top1=%s top3=%s verdict=%s want=%s %s | %s%n", o.q().id(), o.foundTop1() ? "y" : "n",
                  o.foundTop3() ? "y" : "n", o.answer().verdict(), o.q().expect().verdict(), o.answer().reason(), o.q().question());
              if (!o.answer().clauses().isEmpty()) {
                String t = o.answer().clauses().get(0).text();
                out.printf("        -> %s%n", t.substring(0, Math.min(110, t.length())));
              }
            }
          }
          List<Evaluation.Outcome> answered = r.outcomes().stream().filter(Evaluation.Outcome::answered).toList();
          List<String> wrong = answered.stream().filter(o -> !o.verdictRight()).map(o -> o.q().id()).toList();
          out.printf("   verdict on answered: %d of %d right; wrong: %s%n",
              answered.size() - wrong.size(), answered.size(), wrong.isEmpty() ? "none" : String.join(", ", wrong));
        }
      }
      out.println();
      out.println("top3/top1: answerable questions with an expected quote in the first 3 / first clause");
      out.println("verdict: all questions; unansEsc: unanswerable ones escalated; ansEsc: answerable ones escalated");
      out.println("ansVerd: verdict right on answered questions (answerable and not escalated), verdict reading apart from escalation");
      return 0;
    }
  }
}
