package policybot.answer;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import policybot.TestEngine;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;

/**
 * Measures how verdicts are read apart from whether the engine escalates: every answerable question
 * of a set gets the verdict its cited clauses would give, as if the confidence check had let it
 * through, with the sentence the verdict was read from. Prints the share right on the questions the
 * engine answers today and on all answerable ones, then each wrong reading; the escalation decision
 * changes on its own schedule, and a reading rule should hold on the questions it lets through next.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) policybot.answer.VerdictSweep [-a] [-v] [questions.jsonl]
 * </pre>
 *
 * {@code -a} lists every question, not only the wrong ones; {@code -v} adds the cited clauses with
 * their key sentences.
 */
public final class VerdictSweep {
  private VerdictSweep() {}

  public static void main(String[] args) throws Exception {
    boolean verbose = List.of(args).contains("-v");
    boolean everyOne = List.of(args).contains("-a");
    List<String> files = List.of(args).stream().filter(a -> !a.startsWith("-")).toList();
    Path file = Path.of(files.isEmpty() ? "src/test/resources/eval/dev-questions.jsonl" : files.get(0));
    AnswerService answers = TestEngine.answers();
    int answered = 0, answeredRight = 0, all = 0, allRight = 0;
    StringBuilder wrong = new StringBuilder();
    for (EvalQuestion q : Evaluation.read(file)) {
      if (!q.answerable()) {
        continue;
      }
      Question question = q.asked();
      Answer answer = answers.ask(question);
      boolean escalated = answer instanceof Answer.Escalated;
      ClauseVerdict.Reading r = answers.readingIgnoringConfidence(question);
      boolean right = q.expect().verdict().contains(r.verdict().wire());
      all++;
      allRight += right ? 1 : 0;
      if (!escalated) {
        answered++;
        answeredRight += right ? 1 : 0;
      }
      if (!right || everyOne) {
        wrong.append(String.format("%-22s %s%s got=%s want=%s | %s%n      read: %s%n", q.id(), right ? "   " : "XX ", escalated ? "esc" : "ans",
            r.verdict().wire(), q.expect().verdict(), q.question(), r.sentence()));
        if (verbose) {
          Optional.ofNullable(q.previous()).ifPresent(p -> wrong.append("      previous: " + p + "\n"));
          for (Citation c : answer.citations()) {
            wrong.append(String.format("      [%s] %s%n", c.highlight().equals(c.text()) ? "whole" : c.highlight(), c.text()));
          }
        }
      }
    }
    System.out.printf("verdict right on answered: %d/%d (%.3f); on all answerable, ignoring escalation: %d/%d (%.3f)%n",
        answeredRight, answered, answeredRight / (double) answered, allRight, all, allRight / (double) all);
    System.out.print(wrong);
  }
}
