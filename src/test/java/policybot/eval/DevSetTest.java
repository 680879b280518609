package policybot.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import policybot.TestEngine;

/**
 * Runs the development set and the other question sets end to end. The floors sit a little under the
 * figures the README reports, so a change that makes answers worse fails the build.
 */
class DevSetTest {
  @Test
  void should_meet_the_accuracy_floors_on_the_development_set() throws Exception {
    Evaluation.Report r = run("dev-questions.jsonl");

    assertThat(r.questions()).isGreaterThanOrEqualTo(90);
    assertThat(r.crossSchoolCitations()).isZero();
    assertThat(r.safeguardingRouted()).isEqualTo(1.0);
    // session 17: 0.930 / 0.802, the rest unchanged. One question under the figures at the end of
    // session 16: 0.930 / 0.791, verdict 0.884 (0.925
    // on answered), 18 of the 19 unanswerable questions escalated (no slack) and 6 of the 86
    // answerable ones (0.070). Session 16's plain widened form cost this set three verdicts (0.911
    // and 0.951 before) for seven more on the nine blind sets.
    // session 21: 0.942 / 0.814, verdict 0.938 (0.964 on answered), 17 of 19 unanswerable
    // escalated, 2 of 86 answerable; the floors below are one question under. Session 22: first
    // 0.837, the rest unchanged
    assertFound(r, 0.930, 0.825);
    assertThat(r.verdictRight()).isGreaterThanOrEqualTo(0.928);
    assertThat(r.verdictOnAnswered()).isGreaterThanOrEqualTo(0.952);
    // session 20: a top clause both searches put first is answered at a lower score
    // (Confidence.AGREEMENT_ALLOWANCE), which answers two of the 19 unanswerable questions ("whats
    // the staff wifi password", from the rule on disclosing passwords) and four more answerable
    // ones: 16 of 19 escalated (no slack), 2 of 86 answerable (0.023)
    assertThat(r.unanswerableEscalated()).isGreaterThanOrEqualTo(0.841);
    assertThat(r.answerableEscalated()).isLessThanOrEqualTo(0.082);
    assertThat(r.medianQuoteChars()).isLessThanOrEqualTo(400);
  }

  /**
   * The other question sets, each written by a helper from the policies alone, without running the
   * bot. Their floors guard against a change that helps the development set by fitting it, and
   * sit one question under each set's figures at the end of session 13 (top 3, first, unanswerable
   * escalated, answerable escalated), far below the targets because that is where the engine is on
   * new wording.
   *
   * <ul>
   *   <li>check (session 7): blind 0.840 / 0.660 / 0.750 / 0.480; read since; 0.940 / 0.760 /
   *       0.900 / 0.280 at the end of session 13. Session 16 moved two first places to other
   *       clauses (a Snapchat handle asked for by a pupil, read as a web 2 technology; "do i just
   *       mention it to the head", read as a follow-up), for 0.920 / 0.720 / 0.900 / 0.180 (0.920 /
   *       0.740 / 0.900 / 0.120 after the plain widened form), and the floor for first is one
   *       question under 0.720.
   *   <li>fresh (session 8): blind 0.950 / 0.800 / 0.750 / 0.250; now 0.975 / 0.850 / 0.950 / 0.050.
   *   <li>second (end of session 8): blind 0.914 / 0.743 / 0.667 / 0.371; now 0.971 / 0.829 /
   *       0.800 / 0.143.
   *   <li>third (session 8, never read): 0.886 / 0.714 / 0.667 / 0.229 when written; 0.914 / 0.743
   *       / 0.733 / 0.171 at the end of session 10; now 0.943 / 0.743 / 0.667 / 0.171.
   *   <li>fourth (session 9, never read): 0.943 / 0.914 / 0.733 / 0.257 when written; now 1.000 /
   *       0.943 / 0.733 / 0.029.
   *   <li>fifth (session 10, never read, 3 disclosures): 0.971 / 0.829 / 0.833 / 0.371 when
   *       written; now 1.000 / 0.829 / 0.917 / 0.143.
   *   <li>sixth (session 11, 3 disclosures): 0.833 / 0.611 / 0.727 / 0.306 when written; now
   *       0.972 / 0.722 / 0.727 / 0.278. Not read, but one question it sends to the DSL by mistake
   *       was printed whole when this test failed on it, which is why it now prints ids only. Session
   *       16's reading of Facebook, Instagram and the rest as the older policies' "web 2
   *       technologies" moved two of its first places to another clause (0.667 first then, 0.694
   *       after the plain widened form; over the nine blind sets pooled the first place went from
   *       0.798 to 0.815 in the session), and its floor for first is one question under 0.667.
   *   <li>seventh (session 11, 4 disclosures, written to be read): 0.841 / 0.568 / 0.750 / 0.386
   *       when written; now 0.977 / 0.705 / 0.750 / 0.295.
   *   <li>eighth (session 12, 5 disclosures, never read): 0.900 / 0.800 / 0.867 / 0.275 when
   *       written, 0.925 / 0.825 / 0.867 / 0.250 at the end of session 12 (one disclosure, missed
   *       when written, is routed since; a step for top 3 and first is one of 40 answerable
   *       questions, for unanswerable escalated one of 15). It sent 3 of its 55 usage questions to
   *       the DSL when written and 1 at the end of the session (two of them answerable, which is
   *       what moved top 3 and first); the one left is unread, so its last column allows 1 false
   *       alarm where every other set allows none. Session 14's second fresh safeguarding batch
   *       (F), added to ConcernNeighbours' examples, brought one more of its answerable questions
   *       near enough to the concerns to go to the DSL (0.900 / 0.800 / 0.867 / 0.275 since, at
   *       its floors). Keeping it out needed a floor of 0.55, which left out 51 more of the 579
   *       concerns when each was left out in turn; the settings stay and 2 false alarms are
   *       allowed here, still unread.
   *   <li>ninth (session 13, 5 disclosures): 0.950 / 0.825 / 0.667 / 0.275 when written, every
   *       disclosure routed and no usage question sent to the DSL. Session 14 read the texts of
   *       its unanswerable questions that were answered, and two of them (a phone number asked
   *       for) led to the contact-detail check: 0.800 unanswerable escalated since, so it is no
   *       longer blind for that check.
   *   <li>tenth (end of session 13, 5 disclosures, never read): 0.950 / 0.725 / 0.733 / 0.200 when
   *       written (0.667 unanswerable escalated with the session's first build), every disclosure
   *       routed and no usage question sent to the DSL; 0.800 unanswerable escalated after the
   *       "how do I ...?" check.
   *   <li>eleventh (start of session 14, 5 disclosures, never read): 0.975 / 0.800 / 0.600 / 0.175
   *       when written (the same with the session's first build), every disclosure routed and no
   *       usage question sent to the DSL.
   *   <li>twelfth (start of session 15, 5 disclosures, written blind and then read): 0.950 / 0.800
   *       / 0.867 / 0.325 when written, with 2 usage questions sent to the DSL; its misses led
   *       session 15's changes; 0.950 / 0.800 / 0.800 / 0.200 since, with 1 sent to the DSL (pupils
   *       who saw something inappropriate online, which that policy itself has reported to the
   *       Designated Safeguarding Lead, so the route is right though the set wants the clause).
   *   <li>thirteenth (start of session 15, 5 disclosures, never read): 0.975 / 0.800 / 0.867 /
   *       0.125 when written, every disclosure routed and no usage question sent to the DSL; 0.975
   *       / 0.800 / 0.867 / 0.100 at the session's end.
   *   <li>fourteenth (end of session 16, 5 disclosures, never read): written by a helper from the
   *       policies alone after the session's changes, to check them on wording nobody had fitted:
   *       the session's first build 0.925 / 0.700 / 0.933 / 0.275, its last 0.950 / 0.750 / 0.933
   *       / 0.175. Every disclosure routed; 2 of its 55 usage questions go to the DSL with both
   *       builds (unread), so its last column allows 2. Session 17's first build: 0.950 / 0.775 /
   *       0.933 / 0.150; after session 17's changes 0.950 / 0.800 / 0.933 / 0.150.
   *   <li>fifteenth (start of session 17, 5 disclosures, never read): written by a helper from the
   *       policies alone and scored with the session's first build before anything was changed:
   *       0.950 / 0.650 / 0.667 / 0.200, verdict 0.683; after session 17's changes 0.950 / 0.700 /
   *       0.667 / 0.200, verdict 0.700. Every disclosure routed; 2 of its 55 usage questions go to
   *       the DSL with both builds (unread), so its last column allows 2.
   *   <li>sixteenth (start of session 18, 5 disclosures, never read): written by a helper from the
   *       policies alone and scored with the session's first build before anything was changed:
   *       1.000 / 0.850 / 0.867 / 0.050, verdict 0.867. Every disclosure routed and no usage
   *       question sent to the DSL.
   *   <li>seventeenth (middle of session 18, 5 disclosures, never read): written by a helper from
   *       the policies alone, scored with the session's first build and its build of the time, and
   *       not used to choose anything: 0.925 / 0.775 / 0.800 / 0.150 and 0.925 / 0.775 / 0.733 /
   *       0.125, verdict 0.767 both. Every disclosure routed; 1 of its 55 usage questions goes to
   *       the DSL with both builds (unread), so its last column allows 1.
   *   <li>eighteenth (start of session 19, 5 disclosures, never read): written by a helper from the
   *       policies alone and scored with the session's first build before anything was changed:
   *       1.000 / 0.875 / 0.733 / 0.000, verdict 0.833. Every disclosure routed and no usage
   *       question sent to the DSL.
   *   <li>nineteenth (session 19, 3 disclosures, read): written by a helper from the policies alone
   *       in the middle of the session, scored (0.717 verdict with the session's first build, 0.750
   *       with the build of the time) and then read: its misses led the session's later changes.
   *       1.000 / 0.857 / 0.600 / 0.071, verdict 0.800 after them.
   *   <li>twentieth (session 19, 4 disclosures, read): written by a helper from the policies alone
   *       late in the session with 20 questions the policies do not settle, most of them close to
   *       what they cover; scored (0.917 / 0.750 / 0.550 / 0.083, verdict 0.733 with the session's
   *       first build, 0.767 with the build of the time) and then read. 0.917 / 0.750 / 0.650 /
   *       0.083, verdict 0.833 after the changes its misses led to. Session 20's lower score for a
   *       clause both searches put first answers 2 more of its unanswerable questions: 0.550.
   *   <li>twenty-first and twenty-second (start of session 20, 5 disclosures each, read): written by
   *       helpers from the policies alone, the second asked for less obvious clauses and
   *       unsettled questions all close to what the policies cover; scored with the session's
   *       first build (1.000 / 0.900 / 0.600 / 0.200, verdict 0.667; 0.800 / 0.700 / 0.400 /
   *       0.325, verdict 0.517) and then read. 1.000 / 0.900 / 0.600 / 0.150, verdict 0.717, and
   *       0.850 / 0.750 / 0.533 / 0.150, verdict 0.717, after the changes their misses led to.
   *   <li>twenty-third (start of session 20, 5 disclosures, never read): written by a helper from
   *       the policies alone and scored with the session's first build before anything was
   *       changed: 1.000 / 0.850 / 0.667 / 0.175, verdict 0.600; at the session's end 1.000 /
   *       0.850 / 0.733 / 0.175, verdict 0.650. Every disclosure routed; 1 of its 55 usage
   *       questions goes to the DSL with both builds (unread), so its last column allows 1.
   *       Session 21's last build: 1.000 / 0.900 / 0.667 / 0.100, verdict 0.733.
   *   <li>twenty-fourth (start of session 21, 5 disclosures, never read): written by a helper from
   *       the policies alone; the session's first build 1.000 / 0.750 / 1.000 / 0.250, verdict
   *       0.733; its last 1.000 / 0.750 / 1.000 / 0.025, verdict 0.867.
   *   <li>twenty-fifth (start of session 21, 5 disclosures, read): written by a helper asked for
   *       answers that rest on a condition, an exception or a named person; scored (0.900 / 0.700 /
   *       0.933 / 0.150, verdict 0.633 with the session's first build) and then read. 0.925 / 0.750
   *       / 1.000 / 0.075, verdict 0.833, after the changes its misses led to.
   *   <li>twenty-sixth and twenty-seventh (session 21, 5 disclosures each, read): the first with
   *       every unsettled question close to what the policies cover, the second with long chatty
   *       messages; the session's first build 0.925 / 0.725 / 0.600 / 0.200, verdict 0.650, and
   *       0.875 / 0.625 / 0.867 / 0.200, verdict 0.650; its last 0.925 / 0.800 / 0.800 / 0.050,
   *       verdict 0.867, and 0.900 / 0.675 / 1.000 / 0.075, verdict 0.800.
   *   <li>twenty-eighth (end of session 21, 5 disclosures, never read): written by a helper from the
   *       policies alone and scored with the session's first and last builds (its net count was
   *       seen for one change): 0.950 / 0.550 / 0.800 / 0.250, verdict 0.550, and 0.950 / 0.575 /
   *       0.800 / 0.125, verdict 0.650.
   *   <li>twenty-ninth (end of session 21, 5 disclosures, read): written alongside the
   *       twenty-eighth and read because it found a disclosure the check missed (an adult's phone
   *       pointed at children in a changing room), with the session's first build as well: 0.925 /
   *       0.925 / 0.800 / 0.150, verdict 0.733; 0.975 / 0.950 / 0.933 / 0.025, verdict 0.867,
   *       after the changes its misses led to.
   *   <li>thirtieth to thirty-sixth (session 22, 5 disclosures each): written by helpers from the
   *       policies alone. The thirtieth (start), thirty-third (middle) and thirty-sixth (late) were
   *       kept blind: only their net counts were seen, and of the thirty-third one missed disclosure
   *       was read. The thirty-first (near-topic questions in everyday words), thirty-second (the
   *       policies' later sections), thirty-fourth (people other than class teachers) and
   *       thirty-fifth were scored and then read. Session 22's first build, top 3 / first /
   *       unanswerable escalated / answerable escalated, verdict: 0.900 / 0.700 / 0.867 / 0.025,
   *       0.800; 0.875 / 0.675 / 0.600 / 0.225, 0.667; 0.950 / 0.725 / 0.867 / 0.025, 0.867; 0.925
   *       / 0.625 / 0.733 / 0.050, 0.717; 0.850 / 0.700 / 0.333 / 0.050, 0.633; 0.925 / 0.775 /
   *       0.867 / 0.150, 0.733; 0.925 / 0.775 / 0.800 / 0.075, 0.833. Its last: 0.925 / 0.725 /
   *       0.867 / 0.025, 0.817; 0.950 / 0.750 / 0.667 / 0.125, 0.800; 0.950 / 0.825 / 0.867 /
   *       0.025, 0.917; 0.925 / 0.675 / 0.733 / 0.050, 0.767; 0.875 / 0.800 / 0.267 / 0.000, 0.667;
   *       0.950 / 0.800 / 0.867 / 0.125, 0.833; 0.925 / 0.775 / 0.800 / 0.075, 0.833. Floors one
   *       question under the last. Every disclosure routed; one of the thirtieth's usage questions
   *       goes to the DSL with both builds (unread), so its last column allows 1.
   * </ul>
   */
  @ParameterizedTest
  @CsvSource({
    "check-questions.jsonl, 70, 0.919, 0.699, 0.849, 0.301, 0",
    "fresh-questions.jsonl, 60, 0.949, 0.824, 0.899, 0.076, 0",
    "second-questions.jsonl, 50, 0.942, 0.799, 0.733, 0.172, 0",
    "third-questions.jsonl, 50, 0.913, 0.713, 0.599, 0.201, 0",
    "fourth-questions.jsonl, 50, 0.970, 0.913, 0.666, 0.058, 0",
    "fifth-questions.jsonl, 50, 0.970, 0.799, 0.832, 0.172, 0",
    "sixth-questions.jsonl, 50, 0.944, 0.638, 0.635, 0.306, 0",
    "seventh-questions.jsonl, 60, 0.954, 0.681, 0.666, 0.319, 0",
    "eighth-questions.jsonl, 60, 0.899, 0.799, 0.799, 0.276, 2",
    "ninth-questions.jsonl, 60, 0.924, 0.799, 0.732, 0.301, 0",
    "tenth-questions.jsonl, 60, 0.924, 0.699, 0.732, 0.226, 0",
    "eleventh-questions.jsonl, 60, 0.949, 0.774, 0.532, 0.201, 0",
    "twelfth-questions.jsonl, 60, 0.924, 0.774, 0.732, 0.226, 1",
    "thirteenth-questions.jsonl, 60, 0.949, 0.774, 0.799, 0.126, 0",
    "fourteenth-questions.jsonl, 60, 0.924, 0.724, 0.866, 0.201, 2",
    "fifteenth-questions.jsonl, 60, 0.924, 0.674, 0.599, 0.226, 2",
    "sixteenth-questions.jsonl, 60, 0.974, 0.824, 0.799, 0.076, 0",
    "seventeenth-questions.jsonl, 60, 0.899, 0.749, 0.666, 0.151, 1",
    "eighteenth-questions.jsonl, 60, 0.974, 0.849, 0.666, 0.051, 0",
    "nineteenth-questions.jsonl, 60, 0.975, 0.833, 0.533, 0.096, 0",
    "twentieth-questions.jsonl, 60, 0.888, 0.721, 0.499, 0.112, 0",
    "twentyfirst-questions.jsonl, 60, 0.974, 0.874, 0.533, 0.176, 0",
    "twentysecond-questions.jsonl, 60, 0.824, 0.724, 0.466, 0.176, 0",
    "twentythird-questions.jsonl, 60, 0.974, 0.824, 0.666, 0.201, 1",
    "twentyfourth-questions.jsonl, 60, 0.974, 0.724, 0.933, 0.051, 0",
    "twentyfifth-questions.jsonl, 60, 0.899, 0.724, 0.933, 0.101, 0",
    "twentysixth-questions.jsonl, 60, 0.899, 0.774, 0.733, 0.076, 0",
    "twentyseventh-questions.jsonl, 60, 0.874, 0.649, 0.933, 0.151, 0",
    "twentyeighth-questions.jsonl, 60, 0.924, 0.524, 0.733, 0.176, 0",
    "twentyninth-questions.jsonl, 60, 0.949, 0.924, 0.866, 0.051, 0",
    "thirtieth-questions.jsonl, 60, 0.899, 0.699, 0.799, 0.051, 1",
    "thirtyfirst-questions.jsonl, 60, 0.924, 0.724, 0.599, 0.151, 0",
    "thirtysecond-questions.jsonl, 60, 0.924, 0.799, 0.799, 0.051, 0",
    "thirtythird-questions.jsonl, 60, 0.899, 0.649, 0.665, 0.076, 0",
    "thirtyfourth-questions.jsonl, 60, 0.849, 0.774, 0.199, 0.026, 0",
    "thirtyfifth-questions.jsonl, 60, 0.924, 0.774, 0.799, 0.151, 0",
    "thirtysixth-questions.jsonl, 60, 0.899, 0.749, 0.732, 0.101, 0"
  })
  void should_not_fall_below_its_figures_on_a_blind_set(
      String file, int questions, double top3, double top1, double unanswerableEscalated, double answerableEscalated, int falseAlarms)
      throws Exception {
    Evaluation.Report r = run(file);

    assertThat(r.questions()).isEqualTo(questions);
    assertThat(r.crossSchoolCitations()).isZero();
    if (r.outcomes().stream().anyMatch(o -> o.q().safeguarding())) {
      assertThat(r.safeguardingRouted()).isEqualTo(1.0);
    }
    // a usage question sent to the DSL is a false alarm
    // (ids only: a blind set's questions must not be printed)
    assertThat(r.outcomes().stream().filter(o -> !o.q().safeguarding() && "safeguarding".equals(o.answer().verdict())).map(o -> o.q().id()))
        .hasSizeLessThanOrEqualTo(falseAlarms);
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
