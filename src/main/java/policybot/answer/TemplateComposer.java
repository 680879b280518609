package policybot.answer;

import java.util.List;
import policybot.corpus.School;

/** Plain template wording; deterministic, so tests can assert on it. */
public final class TemplateComposer implements AnswerComposer {

  @Override
  public String grounded(School school, String question, Verdict verdict, List<Citation> citations) {
    Citation top = citations.get(0);
    String where = top.title() + (top.section().isEmpty() ? "" : " › " + top.section());
    String lead =
        switch (verdict) {
          case YES -> "Yes, the policy allows this.";
          case NO -> "No, the policy does not allow this.";
          case CONDITIONAL -> "Only with permission or on conditions. Check with " + school.contacts().head() + " first if the clause asks for it.";
          case INFO -> "Here is what the policy says.";
        };
    return lead + " " + where + ": “" + top.highlight() + "”";
  }

  @Override
  public String escalated(School school, String question, EscalationReason reason, List<Citation> nearest) {
    String tail = nearest.isEmpty() ? "" : " The nearest clauses are shown below, but they do not settle it.";
    return "I'm not sure: " + reason.explanation() + " This should go to " + school.contacts().head()
        + " to decide." + tail;
  }

  @Override
  public String safeguarding(School school, String question, List<Citation> citations) {
    String words = citations.isEmpty() ? "" : " The policy says: “" + citations.get(0).highlight() + "”";
    return "This sounds like a safeguarding concern about a child, so it is not something to answer here. "
        + "Report it now, today, to " + school.contacts().dsl() + ". "
        + "Do not promise to keep it secret and do not investigate yourself; write down what you saw or were told, "
        + "in the child's words, with the date and time. If a child is in immediate danger, call 999."
        + words;
  }
}
