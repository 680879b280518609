package policybot.answer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import policybot.TestEngine;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;
import policybot.index.ClauseIndex;
import policybot.index.Hit;
import policybot.index.SearchMode;

/**
 * Prints, for every question of the given sets, what the engine decided and the confidence
 * signals behind it, one tab-separated line each, for studying escalation outside Java (the
 * AUC of a signal, a threshold's trade-off on each set). Safeguarding questions are left out.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.answer.SignalDump \
 *     src/test/resources/eval/dev-questions.jsonl src/test/resources/eval/check-questions.jsonl > signals.tsv
 * </pre>
 */
public final class SignalDump {
  public static void main(String[] args) throws Exception {
    ClauseIndex idx = TestEngine.index();
    AnswerService answers = TestEngine.answers();
    // the same engine with no score threshold: what the answer-type and disagreement checks alone decide
    AnswerService unscored =
        answers.withConfidence(new Confidence.Weights(Confidence.COVERAGE_WEIGHT, Confidence.BM25_WEIGHT, Double.NEGATIVE_INFINITY));
    System.out.println("set\tid\tschool\tanswerable\toutcome\treason\tscore\tlift\tcosine\tbackground\tcoverage\tbm25\tbm25_rank\tvector_rank\twords\tunscored_reason\tclauses\tquestion");
    for (String file : args) {
      String set = Path.of(file).getFileName().toString().replace("-questions.jsonl", "");
      for (EvalQuestion q : Evaluation.read(Path.of(file))) {
        if (q.safeguarding()) {
          continue;
        }
        Question question = q.asked();
        String text = FollowUp.searchText(question);
        List<Hit> hits = idx.search(q.school(), text, SearchMode.HYBRID, AnswerService.MAX_CITATIONS);
        if (hits.isEmpty()) {
          continue;
        }
        Answer a = answers.ask(question);
        String reason = a instanceof Answer.Escalated e ? e.reason().name() : "";
        Answer u = unscored.ask(question);
        String unscoredReason = u instanceof Answer.Escalated e ? e.reason().name() : "";
        Hit top = hits.get(0);
        System.out.println(String.format(Locale.ROOT, "%s\t%s\t%s\t%b\t%s\t%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.3f\t%d\t%d\t%d\t%s\t%s\t%s",
            set, q.id(), q.school(), q.answerable(), a.getClass().getSimpleName().toLowerCase(Locale.ROOT), reason,
            Confidence.score(hits, Confidence.DEFAULT), Confidence.lift(hits), hits.stream().mapToDouble(Hit::cosine).max().orElse(-1),
            top.background(), top.coverage(), top.bm25Score(), top.bm25Rank(), top.vectorRank(), text.split("\\s+").length, unscoredReason, clauses(hits), text));
      }
    }
    System.exit(0);
  }

  /** The cited clauses' texts, best first, joined by " ||| " on one line. */
  private static String clauses(List<Hit> hits) {
    return hits.stream().map(h -> h.clause().text().replaceAll("\\s+", " ")).collect(Collectors.joining(" ||| "));
  }
}
