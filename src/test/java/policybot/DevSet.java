package policybot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import policybot.answer.Answer;
import policybot.answer.AnswerService;
import policybot.answer.Question;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;

/**
 * Questions from the development set, chosen by what the dev set expects and confirmed against
 * the engine a test runs on: the engine is being tuned, so a test needing "a question the engine
 * escalates" takes the first such one instead of hard-coding a question or an answer.
 */
public final class DevSet {
  public static final Path FILE = Path.of("src/test/resources/eval/dev-questions.jsonl");

  private DevSet() {}

  /** A question the dev set says must go to the head (not safeguarding) that {@code engine} escalates. */
  public static String escalating(AnswerService engine, String school) {
    return first(engine, school, q -> q.expect().escalate() && !q.safeguarding(), a -> a instanceof Answer.Escalated, "escalates");
  }

  /** A disclosure the dev set marks as safeguarding that {@code engine} routes to the DSL. */
  public static String safeguarding(AnswerService engine, String school) {
    return first(engine, school, EvalQuestion::safeguarding, a -> a instanceof Answer.Safeguarding, "routes to the DSL");
  }

  /** An answerable question that {@code engine} answers from the policies. */
  public static String grounded(AnswerService engine, String school) {
    return first(engine, school, EvalQuestion::answerable, a -> a instanceof Answer.Grounded, "answers");
  }

  private static String first(
      AnswerService engine, String school, Predicate<EvalQuestion> expected, Predicate<Answer> does, String what) {
    List<EvalQuestion> all;
    try {
      all = Evaluation.read(FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all.stream()
        .filter(q -> q.school().equals(school) && (q.previous() == null || q.previous().isBlank()) && expected.test(q))
        .filter(q -> does.test(engine.ask(new Question(school, q.question(), Optional.empty()))))
        .map(EvalQuestion::question)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + school + " question in the dev set that the engine " + what));
  }
}
