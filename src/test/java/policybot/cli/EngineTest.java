package policybot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import policybot.DevSet;
import policybot.TestEngine;
import policybot.answer.Question;
import policybot.eval.EvalQuestion;
import policybot.eval.Evaluation;

class EngineTest {
  private final Engine engine = new Engine(null, TestEngine.index(), TestEngine.answers());

  @Test
  void should_warm_up_on_every_school_with_no_question_from_the_development_set() throws Exception {
    List<Question> warmUp = engine.warmUpQuestions();
    Set<String> dev = Evaluation.read(DevSet.FILE).stream().map(EvalQuestion::question).collect(Collectors.toSet());

    assertThat(warmUp).hasSizeBetween(Engine.WARM_UP_ASKS / 2, Engine.WARM_UP_ASKS);
    assertThat(warmUp.stream().map(Question::school).collect(Collectors.toSet()))
        .isEqualTo(TestEngine.index().corpus().schools().keySet());
    assertThat(warmUp).noneMatch(q -> dev.contains(q.text()));
    assertThat(warmUp)
        .allMatch(q -> Engine.WARM_UP_QUESTIONS.contains(q.text())
            || (!q.text().isBlank() && q.text().split("\\s+").length <= Engine.WARM_UP_WORDS + "can I".split(" ").length));
  }

  @Test
  void should_ask_clause_openings_once_the_everyday_questions_run_out() {
    List<Question> warmUp = engine.warmUpQuestions();
    int everyday = Engine.WARM_UP_QUESTIONS.size() * TestEngine.index().corpus().schools().size();

    assertThat(warmUp.subList(0, everyday)).allMatch(q -> Engine.WARM_UP_QUESTIONS.contains(q.text()));
    // the schools take turns, so a small school's clauses are not all asked before a large one's
    int schools = TestEngine.index().corpus().schools().size();
    assertThat(warmUp.subList(everyday, everyday + schools).stream().map(Question::school).distinct()).hasSize(schools);
    // after the openings, the closing words asked as yes/no questions
    assertThat(warmUp.get(warmUp.size() - 1).text()).startsWith("can I ").endsWith("?");
  }
}
