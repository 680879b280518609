package policybot.answer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import policybot.TestEngine;
import policybot.index.ClauseIndex;
import policybot.index.Hit;
import policybot.index.SearchMode;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;

/**
 * Prints every search candidate of every answerable question of the given sets with the signals
 * the fused ranking could use and whether it holds an expected quote, one tab-separated line each,
 * for studying the ranking outside Java.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.answer.CandidateDump \
 *     src/test/resources/eval/dev-questions.jsonl > candidates.tsv
 * </pre>
 */
public final class CandidateDump {
  public static void main(String[] args) throws Exception {
    ClauseIndex idx = TestEngine.index();
    System.out.println("set\tid\tschool\tfused_rank\tfused\tbm25_rank\tvector_rank\tcosine\tbm25\tcoverage\tchars\tright\ttext");
    for (String file : args) {
      String set = Path.of(file).getFileName().toString().replace("-questions.jsonl", "");
      for (EvalQuestion q : Evaluation.read(Path.of(file))) {
        if (!q.answerable()) {
          continue;
        }
        List<Hit> hits = idx.candidates(q.school(), FollowUp.searchText(q.asked()), SearchMode.HYBRID);
        for (int i = 0; i < hits.size(); i++) {
          Hit h = hits.get(i);
          String text = h.clause().text().replaceAll("\\s+", " ");
          boolean right = Evaluation.holdsQuote(q, text);
          System.out.println(String.format(Locale.ROOT, "%s\t%s\t%s\t%d\t%.5f\t%d\t%d\t%.4f\t%.3f\t%.4f\t%d\t%b\t%s",
              set, q.id(), q.school(), i + 1, h.score(), h.bm25Rank(), h.vectorRank(), h.cosine(), h.bm25Score(), h.coverage(),
              text.length(), right, text));
        }
      }
    }
    System.exit(0);
  }
}
