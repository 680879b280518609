package policybot.answer;

import java.util.List;

/**
 * What Policy Bot says to a question: a grounded answer, an escalation to the head, a
 * safeguarding referral, or a refusal of input it cannot work with.
 */
public sealed interface Answer
    permits Answer.Grounded, Answer.Escalated, Answer.Safeguarding, Answer.Refused {

  /** School slug the question was asked for (may be unknown for a refusal). */
  String school();

  String question();

  /** The reply in plain words, composed for a person. */
  String text();

  /** Clauses shown with the answer, best first. */
  List<Citation> citations();

  /**
   * The policies settle it, or a reviewer's ruling on them does: a verdict, the clauses it rests
   * on and any rulings that interpret them ({@code rulings}, best first; empty for most answers).
   */
  record Grounded(
      String school,
      String question,
      Verdict verdict,
      List<Citation> citations,
      List<String> warnings,
      String text,
      List<RulingCitation> rulings)
      implements Answer {
    public Grounded {
      citations = List.copyOf(citations);
      warnings = List.copyOf(warnings);
      rulings = rulings == null ? List.of() : List.copyOf(rulings);
      if (citations.isEmpty() && rulings.isEmpty()) {
        throw new IllegalArgumentException("a grounded answer cites at least one clause or ruling");
      }
    }

    /** An answer resting on the clauses alone. */
    public Grounded(
        String school, String question, Verdict verdict, List<Citation> citations, List<String> warnings, String text) {
      this(school, question, verdict, citations, warnings, text, List.of());
    }
  }

  /** The policies do not settle it; it goes to the head with the nearest clauses. */
  record Escalated(
      String school, String question, EscalationReason reason, List<Citation> citations, String text)
      implements Answer {
    public Escalated {
      citations = List.copyOf(citations);
    }
  }

  /** A disclosure or concern about a child: report it now, never answered as a usage question. */
  record Safeguarding(String school, String question, String reportTo, List<Citation> citations, String text)
      implements Answer {
    public Safeguarding {
      citations = List.copyOf(citations);
    }
  }

  /** Input we cannot answer as asked (empty, too long, unknown school...), with what to do. */
  record Refused(String school, String question, Problem problem, String text) implements Answer {
    @Override
    public List<Citation> citations() {
      return List.of();
    }
  }

  /** Why a question was refused. */
  enum Problem {
    EMPTY,
    TOO_LONG,
    NOT_TEXT,
    NOT_ENGLISH,
    UNKNOWN_SCHOOL,
    /** A greeting or thanks with no question in it. */
    NOT_A_QUESTION
  }
}
