package policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import policybot.TestEngine;

/**
 * Runs the development set and the five blind question sets end to end. The floors sit a little under the
 * figures the README reports, so a change that makes answers worse fails the build.
 */
class DevSetTest {
  @Test
  void should_meet_the_accuracy_floors_on_the_development_set() throws Exception {
    Evaluation.Report r = run("dev-questions.jsonl");

    assertThat(r.questions()).isGreaterThanOrEqualTo(90);
    assertThat(r.crossSchoolCitations()).isZero();
    assertThat(r.safeguardingRouted()).isEqualTo(1.0);
    assertFound(r, 0.90, 0.69);
    assertThat(r.verdictRight()).isGreaterThanOrEqualTo(0.76);
    assertThat(r.verdictOnAnswered()).isGreaterThanOrEqualTo(0.90);
    // every unanswerable question of the set is escalated today; one slip is allowed
    assertThat(r.unanswerableEscalated()).isGreaterThanOrEqualTo(0.94);
    assertThat(r.answerableEscalated()).isLessThanOrEqualTo(0.25);
    assertThat(r.medianQuoteChars()).isLessThanOrEqualTo(400);
  }

  /**
   * The blind sets: written from the policies alone, without running the bot, as stand-ins for
   * questions it was never tuned on. Their floors guard against a change that helps the
   * development set by fitting it, and sit one question under each set's figures today, far below
   * the targets because that is where the engine is on new wording.
   *
   * <ul>
   *   <li>check (session 7): blind 0.840 / 0.660 top 3 and first, 0.750 unanswerable and 0.480
   *       answerable escalated; now 0.860 / 0.700 / 0.750 / 0.460.
   *   <li>fresh (session 8): blind 0.950 / 0.800 / 0.750 / 0.250; now 0.950 unanswerable.
   *   <li>second (end of session 8, after its changes): blind 0.914 / 0.743 / 0.667 / 0.371 (the
   *       session's starting build 0.886 / 0.714 / 0.467 / 0.371); now 0.943 / 0.800 / 0.800 /
   *       0.371.
   *   <li>third (last thing in session 8, scored once and not read): 0.886 / 0.714 / 0.667 / 0.229
   *       (the session's starting build 0.857 / 0.714 / 0.533 / 0.286); in session 9, still
   *       unread, 0.886 / 0.714 / 0.800 / 0.229.
   *   <li>fourth (start of session 9, scored at its start and end and not read): 0.943 / 0.914 /
   *       0.733 / 0.257 at the start, 0.943 / 0.914 / 0.733 / 0.229 at the end.
   * </ul>
   */
  @ParameterizedTest
  @CsvSource({
    "check-questions.jsonl, 70, 0.84, 0.68, 0.75, 0.46",
    "fresh-questions.jsonl, 60, 0.925, 0.775, 0.90, 0.25",
    "second-questions.jsonl, 50, 0.914, 0.771, 0.73, 0.372",
    "third-questions.jsonl, 50, 0.857, 0.685, 0.73, 0.258",
    "fourth-questions.jsonl, 50, 0.914, 0.885, 0.66, 0.258"
  })
  void should_not_fall_below_its_figures_on_a_blind_set(
      String file, int questions, double top3, double top1, double unanswerableEscalated, double answerableEscalated) throws Exception {
    Evaluation.Report r = run(file);

    assertThat(r.questions()).isEqualTo(questions);
    assertThat(r.crossSchoolCitations()).isZero();
    // no set has disclosures: a usage question sent to the DSL is a false alarm
    assertThat(r.outcomes()).noneMatch(o -> "safeguarding".equals(o.answer().verdict()));
    assertFound(r, top3, top1);
    assertThat(r.unanswerableEscalated()).isGreaterThanOrEqualTo(unanswerableEscalated);
    assertThat(r.answerableEscalated()).isLessThanOrEqualTo(answerableEscalated);
    assertThat(r.medianQuoteChars()).isLessThanOrEqualTo(400);
  }

  private static Evaluation.Report run(String file) throws Exception {
    return Evaluation.run(TestEngine.answers(), Evaluation.read(Path.of("src/test/resources/eval", file)));
  }

  private static void assertFound(Evaluation.Report r, double top3, double top1) {
    assertThat(r.top3()).isGreaterThanOrEqualTo(top3);
    assertThat(r.top1()).isGreaterThanOrEqualTo(top1);
  }

  @Test
  void should_count_a_quote_found_ignoring_case_and_spacing() {
    EvalQuestion q = new EvalQuestion("x", "glais", "q", null, new EvalQuestion.Expect(List.of("Staff   MUST never add"), List.of("no"), false));
    var clause = new policybot.answer.AnswerRecord.ClauseRecord("staff must\nnever add pupils", "glais", "p", "t", "s", "l", 1, "");
    assertThat(Evaluation.found(q, List.of(clause))).isTrue();
    assertThat(Evaluation.found(q, List.of())).isFalse();
  }
}
