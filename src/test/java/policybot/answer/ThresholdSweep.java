package policybot.answer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import policybot.TestEngine;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;

/**
 * Measures {@link Confidence#ANSWER_SCORE} through the whole engine rather than on the score alone
 * ({@link ConfidenceSweep}): the answer-type checks escalate some questions whatever the score, so
 * what a threshold costs depends on them too. For each threshold it prints, over the given question
 * sets together, how many answerable questions escalate, how many unanswerable ones are answered,
 * the verdict right on all questions, and the cost when an answered unanswerable question counts as
 * 2 or 4 escalated answerable ones, then the same counts set by set.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.answer.ThresholdSweep \
 *     src/test/resources/eval/{dev,check,fresh,second}-questions.jsonl
 * </pre>
 */
public final class ThresholdSweep {
  /** The thresholds tried, around the one in use. */
  static final double[] THRESHOLDS = {0.22, 0.24, 0.25, 0.26, 0.27, 0.275, 0.28, 0.285, 0.29, 0.30, 0.314, 0.33};

  /** One set's counts at one threshold. */
  private record Counts(int answerableEscalated, int unanswerableAnswered, int verdictRight, int questions) {
    Counts plus(Counts o) {
      return new Counts(
          answerableEscalated + o.answerableEscalated,
          unanswerableAnswered + o.unanswerableAnswered,
          verdictRight + o.verdictRight,
          questions + o.questions);
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> names = new ArrayList<>();
    List<List<EvalQuestion>> sets = new ArrayList<>();
    for (String file : args) {
      names.add(Path.of(file).getFileName().toString().replace("-questions.jsonl", ""));
      sets.add(Evaluation.read(Path.of(file)));
    }
    AnswerService engine = TestEngine.answers();
    System.out.println("threshold  ansEsc  unansAns  verdict  cost2  cost4  by set (ansEsc/unansAns)");
    for (double t : THRESHOLDS) {
      AnswerService answers =
          engine.withConfidence(new Confidence.Weights(Confidence.COVERAGE_WEIGHT, Confidence.BM25_WEIGHT, t));
      Counts all = new Counts(0, 0, 0, 0);
      StringBuilder bySet = new StringBuilder();
      for (int i = 0; i < sets.size(); i++) {
        Counts c = counts(Evaluation.run(answers, sets.get(i)));
        all = all.plus(c);
        bySet.append(String.format(Locale.ROOT, "  %s %d/%d", names.get(i), c.answerableEscalated(), c.unanswerableAnswered()));
      }
      System.out.println(String.format(Locale.ROOT, "%9.3f  %6d  %8d  %7.3f  %5d  %5d%s",
          t, all.answerableEscalated(), all.unanswerableAnswered(), (double) all.verdictRight() / all.questions(),
          all.answerableEscalated() + 2 * all.unanswerableAnswered(), all.answerableEscalated() + 4 * all.unanswerableAnswered(), bySet));
    }
    System.exit(0);
  }

  private static Counts counts(Evaluation.Report r) {
    int ansEsc = 0;
    int unansAns = 0;
    int right = 0;
    for (Evaluation.Outcome o : r.outcomes()) {
      boolean escalated = o.answer().escalate();
      if (o.q().answerable() && escalated) {
        ansEsc++;
      }
      if (!o.q().answerable() && !o.q().safeguarding() && !escalated) {
        unansAns++;
      }
      if (o.verdictRight()) {
        right++;
      }
    }
    return new Counts(ansEsc, unansAns, right, r.outcomes().size());
  }
}
