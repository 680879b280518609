package policybot.answer;

import java.util.List;
import policybot.corpus.School;

/**
 * Words the reply to a person. The default fills templates; an optional LLM step may phrase the
 * text differently, but citations always carry the verbatim clause, never the composer's words.
 */
public interface AnswerComposer {
  String grounded(School school, String question, Verdict verdict, List<Citation> citations);

  String escalated(School school, String question, EscalationReason reason, List<Citation> nearest);

  String safeguarding(School school, String question, List<Citation> citations);

  /**
   * The reply when a reviewer's ruling answers the question: the verdict, then the ruling in the
   * reviewer's words with who made it and when; the clauses it interprets are shown below it.
   */
  default String ruled(School school, String question, Verdict verdict, RulingCitation ruling, List<Citation> clauses) {
    String lead =
        switch (verdict) {
          case YES -> "Yes.";
          case NO -> "No.";
          case CONDITIONAL -> "Only with permission or on conditions.";
          case INFO -> "Here is what was decided.";
        };
    return lead + " This question has been decided before. " + ruling.attribution() + ": “" + ruling.text() + "”";
  }
}
