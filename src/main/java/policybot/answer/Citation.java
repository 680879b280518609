package policybot.answer;

import java.util.Objects;
import java.util.Optional;
import policybot.corpus.Clause;

/**
 * One quoted clause in an answer.
 *
 * @param clause the clause, quoted verbatim from {@link Clause#text()}
 * @param title the policy's title
 * @param link address of the clause on the policy page
 * @param sourceUrl where the school publishes the policy, if it does
 * @param highlightStart start of the sentence that answers the question, in the clause text
 * @param highlightEnd end (exclusive) of that sentence
 * @param score retrieval score, higher is better; only comparable within one answer
 * @param reviewOverdue whether the policy is past its review date
 */
public record Citation(
    Clause clause,
    String title,
    String link,
    Optional<String> sourceUrl,
    int highlightStart,
    int highlightEnd,
    double score,
    boolean reviewOverdue) {

  public Citation {
    Objects.requireNonNull(clause, "clause");
    Objects.requireNonNull(link, "link");
    if (highlightStart < 0 || highlightEnd > clause.text().length() || highlightStart > highlightEnd) {
      throw new IllegalArgumentException("highlight outside the clause text");
    }
  }

  public String text() {
    return clause.text();
  }

  /** The sentence that answers the question. */
  public String highlight() {
    return clause.text().substring(highlightStart, highlightEnd);
  }

  public String section() {
    return clause.section();
  }

  /** The same citation with another sentence of its clause marked. */
  Citation highlighting(int start, int end) {
    return new Citation(clause, title, link, sourceUrl, start, end, score, reviewOverdue);
  }
}
