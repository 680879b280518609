package policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;

/**
 * Runs the development, check, fresh and second question sets end to end. The floors sit a little under the
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
   * The check set was written in session 7 without running the bot, as a stand-in for questions it
   * was never tuned on. Its floors guard against a change that helps the development set by fitting
   * it; they are far below the targets because that is where the engine is on new wording. Each
   * floor sits one question under the figure now (0.860 / 0.700 / 0.750 / 0.460, after session 8's
   * synonyms).
   */
  @Test
  void should_not_fall_below_its_figures_on_the_check_set() throws Exception {
    Evaluation.Report r = run("check-questions.jsonl");

    assertThat(r.questions()).isEqualTo(70);
    assertThat(r.crossSchoolCitations()).isZero();
    // it has no disclosures: a usage question sent to the DSL is a false alarm
    assertThat(r.outcomes()).noneMatch(o -> "safeguarding".equals(o.answer().verdict()));
    assertFound(r, 0.84, 0.68);
    assertThat(r.unanswerableEscalated()).isGreaterThanOrEqualTo(0.70);
    assertThat(r.answerableEscalated()).isLessThanOrEqualTo(0.48);
    assertThat(r.medianQuoteChars()).isLessThanOrEqualTo(400);
  }

  /**
   * The fresh set was written blind in session 8 (a helper read only the policies) and scored once:
   * 0.950 / 0.800 top 3 and first, 0.750 unanswerable and 0.250 answerable escalated (0.950
   * unanswerable since the answer-type checks, made after its misses were read). Each floor sits
   * one question under.
   */
  @Test
  void should_not_fall_below_its_first_figures_on_the_fresh_set() throws Exception {
    Evaluation.Report r = run("fresh-questions.jsonl");

    assertThat(r.questions()).isEqualTo(60);
    assertThat(r.crossSchoolCitations()).isZero();
    assertThat(r.outcomes()).noneMatch(o -> "safeguarding".equals(o.answer().verdict()));
    assertFound(r, 0.925, 0.775);
    assertThat(r.unanswerableEscalated()).isGreaterThanOrEqualTo(0.90);
    assertThat(r.answerableEscalated()).isLessThanOrEqualTo(0.275);
    assertThat(r.medianQuoteChars()).isLessThanOrEqualTo(400);
  }

  /**
   * The second set was written blind at the end of session 8, after that session's changes, and
   * scored once: 0.914 / 0.743 top 3 and first, 0.667 unanswerable and 0.371 answerable escalated
   * (the build from the session's start: 0.886 / 0.714, 0.467 and 0.371); since its misses were
   * read, 0.943 top 3 and 0.800 unanswerable escalated. Each floor sits one question under.
   */
  @Test
  void should_not_fall_below_its_first_figures_on_the_second_set() throws Exception {
    Evaluation.Report r = run("second-questions.jsonl");

    assertThat(r.questions()).isEqualTo(50);
    assertThat(r.crossSchoolCitations()).isZero();
    assertThat(r.outcomes()).noneMatch(o -> "safeguarding".equals(o.answer().verdict()));
    assertFound(r, 0.914, 0.714);
    assertThat(r.unanswerableEscalated()).isGreaterThanOrEqualTo(0.73);
    assertThat(r.answerableEscalated()).isLessThanOrEqualTo(0.40);
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
