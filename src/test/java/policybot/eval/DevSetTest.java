package policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import policybot.TestEngine;

/**
 * Runs the development set and the six blind question sets end to end. The floors sit a little under the
 * figures the README reports, so a change that makes answers worse fails the build.
 */
class DevSetTest {
  @Test
  void should_meet_the_accuracy_floors_on_the_development_set() throws Exception {
    Evaluation.Report r = run("dev-questions.jsonl");

    assertThat(r.questions()).isGreaterThanOrEqualTo(90);
    assertThat(r.crossSchoolCitations()).isZero();
    assertThat(r.safeguardingRouted()).isEqualTo(1.0);
    // one question under today's figures: 0.930 / 0.756, verdict 0.839 (0.945 on answered), 18 of
    // the 19 unanswerable questions escalated and 0.151 of the answerable ones
    assertFound(r, 0.918, 0.744);
    assertThat(r.verdictRight()).isGreaterThanOrEqualTo(0.83);
    assertThat(r.verdictOnAnswered()).isGreaterThanOrEqualTo(0.93);
    assertThat(r.unanswerableEscalated()).isGreaterThanOrEqualTo(0.89);
    assertThat(r.answerableEscalated()).isLessThanOrEqualTo(0.163);
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
   *       answerable escalated; now 0.880 / 0.720 / 0.750 / 0.320.
   *   <li>fresh (session 8): blind 0.950 / 0.800 / 0.750 / 0.250; now 0.950 / 0.825 / 0.900 / 0.100.
   *   <li>second (end of session 8, after its changes): blind 0.914 / 0.743 / 0.667 / 0.371 (the
   *       session's starting build 0.886 / 0.714 / 0.467 / 0.371); now 0.943 / 0.829 / 0.733 /
   *       0.257.
   *   <li>third (last thing in session 8, scored once and not read): 0.886 / 0.714 / 0.667 / 0.229
   *       (the session's starting build 0.857 / 0.714 / 0.533 / 0.286); in session 9, still
   *       unread, 0.886 / 0.714 / 0.800 / 0.229; at the end of session 10, 0.914 / 0.743 / 0.733 /
   *       0.171.
   *   <li>fourth (start of session 9, scored at its start and end and not read): 0.943 / 0.914 /
   *       0.733 / 0.257 at the start, 0.943 / 0.914 / 0.733 / 0.229 at the end; 0.943 / 0.943 /
   *       0.733 / 0.086 at the end of session 10, still unread.
   *   <li>fifth (start of session 10, 3 disclosures among its 50, scored at the session's start and
   *       end and not read): 0.971 / 0.829 / 0.833 / 0.371 at the start, 0.971 / 0.829 / 0.833 /
   *       0.229 at the end.
   * </ul>
   *
   * Session 10 lowered the confidence threshold, which answers more of every set's questions: the
   * floors below are one question under each set's figures at its end.
   */
  @ParameterizedTest
  @CsvSource({
    "check-questions.jsonl, 70, 0.859, 0.699, 0.699, 0.341",
    "fresh-questions.jsonl, 60, 0.924, 0.799, 0.849, 0.126",
    "second-questions.jsonl, 50, 0.914, 0.799, 0.666, 0.286",
    "third-questions.jsonl, 50, 0.885, 0.714, 0.666, 0.201",
    "fourth-questions.jsonl, 50, 0.914, 0.914, 0.666, 0.115",
    "fifth-questions.jsonl, 50, 0.942, 0.799, 0.749, 0.258"
  })
  void should_not_fall_below_its_figures_on_a_blind_set(
      String file, int questions, double top3, double top1, double unanswerableEscalated, double answerableEscalated) throws Exception {
    Evaluation.Report r = run(file);

    assertThat(r.questions()).isEqualTo(questions);
    assertThat(r.crossSchoolCitations()).isZero();
    if (r.outcomes().stream().anyMatch(o -> o.q().safeguarding())) {
      assertThat(r.safeguardingRouted()).isEqualTo(1.0);
    }
    // a usage question sent to the DSL is a false alarm
    assertThat(r.outcomes()).noneMatch(o -> !o.q().safeguarding() && "safeguarding".equals(o.answer().verdict()));
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
