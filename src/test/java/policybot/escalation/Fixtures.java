package policybot.escalation;

import java.util.List;
import java.util.Optional;
import policybot.answer.Answer;
import policybot.answer.Citation;
import policybot.answer.EscalationReason;
import policybot.corpus.Clause;

/** Schools, people and requests the escalation tests share. */
public final class Fixtures {

  public static final String SCHOOL = "oakfield";
  public static final String HEAD = "U0HEAD";
  public static final String DEPUTY = "U0DEPUTY";
  public static final String DSL = "U0DSL";
  public static final String TEACHER = "U0TEACHER";

  public static final Reviewers REVIEWERS = new Reviewers(SCHOOL, HEAD, DEPUTY, DSL);

  private Fixtures() {}

  public static Asker teacher() {
    return new Asker(
        Platform.SLACK, TEACHER, "Sam Teacher", new ReplyTo.Thread("C0STAFF", "1700000000.000100"));
  }

  public static Citation phoneCitation() {
    Clause clause =
        new Clause(
            "personal-phones-3f2a",
            SCHOOL,
            "mobile-phones",
            List.of("E. Safeguarding of Children", "Use of Mobile Phones"),
            "3",
            "",
            "Staff must not use personal mobile phones in areas where children are present.",
            7);
    return new Citation(
        clause,
        "Mobile Phone Policy",
        "http://localhost:8080/oakfield/mobile-phones#personal-phones-3f2a",
        Optional.empty(),
        0,
        clause.text().length(),
        3.2,
        false);
  }

  /** What the engine returns when no clause settles the question. */
  public static Answer.Escalated escalated(String question) {
    return new Answer.Escalated(
        SCHOOL,
        question,
        EscalationReason.LOW_CONFIDENCE,
        List.of(phoneCitation()),
        "I could not find a clear answer, so I have sent this to the head.");
  }

  public static CaseRequest question(String key, String question) {
    return CaseRequest.of(escalated(question), teacher(), Origin.ENGINE, key);
  }

  public static CaseRequest safeguarding(String key) {
    Answer.Safeguarding answer =
        new Answer.Safeguarding(
            SCHOOL,
            "A pupil told me something worrying about home",
            DSL,
            List.of(),
            "Report this to the DSL now.");
    return CaseRequest.of(answer, teacher(), Origin.ENGINE, key);
  }
}
