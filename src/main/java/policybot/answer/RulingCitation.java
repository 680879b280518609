package policybot.answer;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A reviewer's published ruling cited in an answer, shown as "Ruling by {reviewer}, {date}" beside
 * the clauses it interprets.
 *
 * @param rulingId the ruling's id
 * @param question the question the ruling answered, as the reviewer published it
 * @param text the ruling's answer, verbatim
 * @param reviewer the reviewer's name, or their user id when no name is known
 * @param decidedOn the day it was made, last edited or re-approved
 * @param similarity how close the asked question is to the ruling's question (embedding cosine)
 */
public record RulingCitation(
    String rulingId, String question, String text, String reviewer, LocalDate decidedOn, double similarity) {
  public RulingCitation {
    Objects.requireNonNull(rulingId, "rulingId");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(decidedOn, "decidedOn");
  }

  /** "Ruling by Mrs Khan, 13 January 2026". */
  public String attribution() {
    return "Ruling by " + reviewer + ", " + AnswerService.DATE.format(decidedOn);
  }
}
