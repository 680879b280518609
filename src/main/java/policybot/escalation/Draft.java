package policybot.escalation;

import java.util.List;
import java.util.Objects;

/**
 * A starting point for a reviewer's answer: a short, editable text quoting the clause the bot found
 * nearest and citing its policy and section, so the reviewer only has to add the decision. Shared
 * by the web review page and Slack's answer modal.
 */
public final class Draft {

  /**
   * Longest quote kept in a draft. A reviewer edits the draft in a small box and the asker reads
   * it on a phone; a whole long clause would bury the decision. Cut at a sentence end if possible.
   */
  public static final int MAX_QUOTE_CHARS = 280;

  /** What the reviewer writes after the quote; left in the text so it is obvious what to fill in. */
  static final String DECISION_PROMPT = "So, for your question: ";

  /** The draft when the bot found nothing near: only the decision is left to write. */
  static final String NO_CLAUSE = "Our policies do not cover this directly. My answer: ";

  private Draft() {}

  /** The draft answer for {@code k}, built from its nearest clause. */
  public static String of(Case k) {
    return of(Objects.requireNonNull(k, "k").clauses());
  }

  /** The draft answer quoting the first (best) of {@code clauses}. */
  public static String of(List<CaseClause> clauses) {
    if (clauses == null || clauses.isEmpty()) {
      return NO_CLAUSE;
    }
    CaseClause best = clauses.get(0);
    StringBuilder out = new StringBuilder();
    String title = best.title().isBlank() ? best.policy() : best.title();
    out.append("Our ").append(title);
    if (!best.section().isBlank()) {
      out.append(" (").append(best.section()).append(")");
    }
    out.append(" says: \"").append(quote(best.text())).append("\"");
    if (!best.link().isBlank()) {
      out.append(" ").append(best.link());
    }
    out.append("\n\n").append(DECISION_PROMPT);
    return out.toString();
  }

  /** The clause, whitespace collapsed, cut to {@link #MAX_QUOTE_CHARS} at a sentence or word end. */
  static String quote(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    if (flat.length() <= MAX_QUOTE_CHARS) {
      return flat;
    }
    String head = flat.substring(0, MAX_QUOTE_CHARS);
    int sentence = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("; "), head.lastIndexOf(": ")));
    // a sentence end in the first half would throw away most of the clause: cut at a word instead
    if (sentence >= MAX_QUOTE_CHARS / 2) {
      return head.substring(0, sentence + 1);
    }
    int word = head.lastIndexOf(' ');
    return (word > 0 ? head.substring(0, word) : head) + " …";
  }
}
