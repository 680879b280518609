package policybot.answer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import policybot.TestEngine;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;
import policybot.index.ClauseIndex;
import policybot.index.Hit;
import policybot.index.SearchMode;

/**
 * Tunes {@link Confidence}'s weights and threshold on a question set, reproducibly: the weights
 * from a grid by how well they separate answerable from unanswerable questions (AUC), then the
 * threshold costed as {@link #missedUnanswerableCost} per unanswerable question answered plus 1
 * per answerable question escalated, as shares. It prints the best setting on all questions, then
 * the figures when each school's questions are scored by the setting chosen on the other schools'
 * (leave-one-school-out), which shows whether it generalises, for each of a few {@link #MARGINS}
 * added to the threshold. The weights it picks are the ones in {@link Confidence}; the threshold
 * in use is then measured through the whole engine by {@link ThresholdSweep}, because the
 * answer-type checks escalate questions whatever the score.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.answer.ConfidenceSweep [questions.jsonl [cost]]
 * </pre>
 */
public final class ConfidenceSweep {
  /**
   * Cost of the share of unanswerable questions answered, against 1 for the share of answerable ones
   * escalated: a confident answer the policies do not support is twice as bad as a needless
   * escalation. Shares, not counts, so the few unanswerable questions are not outvoted.
   */
  static double missedUnanswerableCost = 2.0;

  /**
   * Amounts the threshold chosen on four schools is raised by before the fifth is scored. Chosen on
   * the development set itself, the threshold sits just above its highest-scoring unanswerable
   * question, and a new school's unanswerable questions can score a little higher: leaving each
   * school out shows how much headroom pays for itself at {@link #missedUnanswerableCost}.
   */
  private static final List<Double> MARGINS = List.of(0.0, 0.01, 0.02, 0.03, 0.05);

  private record Item(String school, boolean answerable, List<Hit> hits) {}

  private record Result(Confidence.Weights weights, double cost, int missed, int unanswerable, int escalated, int answerable) {
    String line() {
      return String.format(Locale.ROOT, "coverage=%.3f bm25=%.4f threshold=%.3f  unanswerable escalated %d/%d (%.3f)  answerable escalated %d/%d (%.3f)",
          weights.coverage(), weights.bm25(), weights.threshold(), unanswerable - missed, unanswerable,
          (unanswerable - missed) / (double) unanswerable, escalated, answerable, escalated / (double) answerable);
    }
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args.length > 0 ? args[0] : "src/test/resources/eval/dev-questions.jsonl");
    if (args.length > 1) {
      missedUnanswerableCost = Double.parseDouble(args[1]);
    }
    ClauseIndex idx = TestEngine.index();
    List<Item> items = new ArrayList<>();
    for (EvalQuestion q : Evaluation.read(file)) {
      if (q.safeguarding()) {
        continue;
      }
      Question question = q.asked();
      List<Hit> hits = idx.search(q.school(), FollowUp.searchText(question), SearchMode.HYBRID, AnswerService.MAX_CITATIONS);
      if (!hits.isEmpty()) {
        items.add(new Item(q.school(), q.answerable(), hits));
      }
    }
    System.out.println("in use:        " + evaluate(items, Confidence.DEFAULT).line());
    System.out.println("cosine only:   " + best(items, List.of(0.0), List.of(0.0)).line());
    Result all = best(items, grid(0.0, 0.50, 0.025), grid(0.0, 0.08, 0.005));
    System.out.println("best on all:   " + all.line());
    Map<String, List<Item>> bySchool = new LinkedHashMap<>();
    items.forEach(i -> bySchool.computeIfAbsent(i.school(), k -> new ArrayList<>()).add(i));
    Map<String, Confidence.Weights> chosenWithout = new LinkedHashMap<>();
    for (String school : bySchool.keySet()) {
      List<Item> others = items.stream().filter(i -> !i.school().equals(school)).toList();
      chosenWithout.put(school, best(others, grid(0.0, 0.50, 0.025), grid(0.0, 0.08, 0.005)).weights());
    }
    double bestMargin = 0;
    double bestCost = Double.MAX_VALUE;
    for (double margin : MARGINS) {
      int missed = 0, unanswerable = 0, escalated = 0, answerable = 0;
      for (String school : bySchool.keySet()) {
        Confidence.Weights w = chosenWithout.get(school);
        Result held = evaluate(bySchool.get(school), new Confidence.Weights(w.coverage(), w.bm25(), w.threshold() + margin));
        missed += held.missed();
        unanswerable += held.unanswerable();
        escalated += held.escalated();
        answerable += held.answerable();
        if (margin == 0) {
          System.out.println("  " + school + " held out, chosen on the rest: " + held.line());
        }
      }
      double cost = missedUnanswerableCost * missed / (double) unanswerable + escalated / (double) answerable;
      System.out.printf(Locale.ROOT, "leave-one-school-out, threshold raised by %.2f: unanswerable escalated %.3f, answerable escalated %.3f (cost %.3f)%n",
          margin, (unanswerable - missed) / (double) unanswerable, escalated / (double) answerable, cost);
      if (cost < bestCost - 1e-9) {
        bestCost = cost;
        bestMargin = margin;
      }
    }
    System.out.printf(Locale.ROOT, "threshold to use: %.3f (best on all) + %.2f (the margin cheapest leaving each school out) = %.3f%n",
        all.weights().threshold(), bestMargin, all.weights().threshold() + bestMargin);
    System.exit(0);
  }

  private static List<Double> grid(double from, double to, double step) {
    List<Double> out = new ArrayList<>();
    for (double v = from; v <= to + 1e-9; v += step) {
      out.add(v);
    }
    return out;
  }

  /**
   * The weights that best separate answerable from unanswerable questions over all pairs of them
   * (the AUC), then the cheapest threshold for those weights. Choosing the weights by the cost at
   * one threshold instead rested on the two or three questions nearest it: leaving out one school
   * swung the coverage weight from one edge of the grid to the other, and the held-out school's
   * unanswerable questions went unescalated (leave-one-school-out 0.737 against 0.895 this way).
   */
  private static Result best(List<Item> items, List<Double> coverages, List<Double> bm25s) {
    double bestAuc = -1;
    Confidence.Weights chosen = null;
    for (double c : coverages) {
      for (double b : bm25s) {
        Confidence.Weights probe = new Confidence.Weights(c, b, 0);
        double auc = auc(items, probe);
        if (auc > bestAuc + 1e-9) {
          bestAuc = auc;
          chosen = probe;
        }
      }
    }
    Confidence.Weights w = chosen;
    Result best = null;
    // thresholds halfway between neighbouring scores, so none sits right on a question's score
    double[] scores = items.stream().mapToDouble(i -> Confidence.score(i.hits(), w)).sorted().distinct().toArray();
    for (int k = 1; k < scores.length; k++) {
      Result r = evaluate(items, new Confidence.Weights(w.coverage(), w.bm25(), (scores[k - 1] + scores[k]) / 2));
      if (best == null || r.cost() < best.cost() - 1e-9) {
        best = r;
      }
    }
    return best;
  }

  /** The share of (answerable, unanswerable) pairs in which the answerable question scores higher. */
  private static double auc(List<Item> items, Confidence.Weights w) {
    List<Double> yes = items.stream().filter(Item::answerable).map(i -> Confidence.score(i.hits(), w)).toList();
    List<Double> no = items.stream().filter(i -> !i.answerable()).map(i -> Confidence.score(i.hits(), w)).toList();
    double wins = 0;
    for (double a : yes) {
      for (double u : no) {
        wins += a > u ? 1 : a == u ? 0.5 : 0;
      }
    }
    return wins / Math.max(1, yes.size() * no.size());
  }

  private static Result evaluate(List<Item> items, Confidence.Weights w) {
    int missed = 0, unanswerable = 0, escalated = 0, answerable = 0;
    for (Item i : items) {
      boolean escalates = Confidence.assess(i.hits(), w).escalate().isPresent();
      if (i.answerable()) {
        answerable++;
        escalated += escalates ? 1 : 0;
      } else {
        unanswerable++;
        missed += escalates ? 0 : 1;
      }
    }
    double cost = missedUnanswerableCost * missed / Math.max(1, unanswerable) + escalated / (double) Math.max(1, answerable);
    return new Result(w, cost, missed, unanswerable, escalated, answerable);
  }
}
