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
}
