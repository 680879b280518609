package policybot.answer;

import java.util.List;
import java.util.regex.Pattern;
import policybot.corpus.School;

/** Plain template wording; deterministic, so tests can assert on it. */
public final class TemplateComposer implements AnswerComposer {

  @Override
  public String grounded(School school, String question, Verdict verdict, List<Citation> citations) {
    Citation top = citations.get(0);
    String where = top.title() + (top.section().isEmpty() ? "" : " › " + top.section());
    // a yes or no to "does anyone actually check what sites we go on?" or "will school cover it if
    // my phone gets nicked?" says how things stand, not what is allowed
    String lead =
        switch (verdict) {
          case YES -> VerdictReader.asksWhatIsAllowed(question) ? "Yes, the policy allows this." : "Yes, the policy says so.";
          case NO -> VerdictReader.asksWhatIsAllowed(question) ? "No, the policy does not allow this." : "No, the policy says not.";
          case CONDITIONAL -> conditionalLead(top.highlight());
          case INFO -> "Here is what the policy says.";
        };
    return lead + " " + where + ": “" + top.highlight() + "”";
  }

  /**
   * Words that make a thing depend on someone's say-so: "with the explicit permission of the Head",
   * "at the discretion of the Headteacher", "with written consent of the parent".
   */
  private static final Pattern NEEDS_SAY_SO =
      Pattern.compile("\\b(permission|consent|approv\\w*|authori[sz]\\w*|agreed|agreement|discretion|arrangement with|sanction\\w*|ok'?d)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * The opening of a conditional answer, from the sentence it was read from: a permission to ask
   * for, or conditions to meet ("if left in your car please make sure it is locked in your boot").
   * One sentence for both used to tell staff to check with the head "if the clause asks for it".
   */
  static String conditionalLead(String sentence) {
    return NEEDS_SAY_SO.matcher(sentence).find()
        ? "Only with permission: ask first; the clause says whose permission it needs."
        : "Yes, but only on the conditions the clause sets.";
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
