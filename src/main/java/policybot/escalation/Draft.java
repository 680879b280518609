package policybot.escalation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A starting point for a reviewer's answer: the bot's best clause's first sentence, quoted and
 * attributed to its policy and section, for the reviewer to confirm, correct or replace.
 */
public final class Draft {

  /** A quoted sentence longer than this is cut: the draft is a prompt, not the clause. */
  static final int MAX_QUOTE_CHARS = 300;

  /** What a reviewer starts from when the bot found nothing relevant. */
  static final String NO_CLAUSES =
      "Our policies do not cover this directly. My answer: ";

  /** A sentence ends at . ! or ? followed by space and a capital, a digit or a quote. */
  private static final Pattern SENTENCE_END = Pattern.compile("[.!?](?=\\s+[A-Z0-9\"'(‘“])");

  private Draft() {}

  /** A short, editable draft answer for {@code c}. */
  public static String from(Case c) {
    if (c.clauses().isEmpty()) {
      return NO_CLAUSES;
    }
    CaseClause best = c.clauses().get(0);
    String where = best.title().isBlank() ? best.policy() : best.title();
    if (!best.section().isBlank()) {
      where = where + ", " + best.section();
    }
    return "Our " + where + " says: \"" + firstSentence(best.text()) + "\"\n"
        + "So, for your question: ";
  }

  static String firstSentence(String text) {
    String flat = text.strip().replaceAll("\\s+", " ");
    Matcher m = SENTENCE_END.matcher(flat);
    String sentence = m.find() ? flat.substring(0, m.start() + 1) : flat;
    if (sentence.length() > MAX_QUOTE_CHARS) {
      int cut = sentence.lastIndexOf(' ', MAX_QUOTE_CHARS);
      sentence = sentence.substring(0, cut > 0 ? cut : MAX_QUOTE_CHARS) + "…";
    }
    return sentence;
  }
}
