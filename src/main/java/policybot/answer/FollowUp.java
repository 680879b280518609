package policybot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a short follow-up ("what about on a residential?") in the light of the question before it,
 * for every channel alike.
 */
final class FollowUp {
  /** A question this short, after an earlier one, leans on it for its subject. */
  static final int MAX_FOLLOW_UP_WORDS = 8;

  /** Openings that carry the earlier question's kind over: "what about X" asks the same thing of X. */
  private static final Pattern CARRY_OVER =
      Pattern.compile("^(what about|how about|and|even|what if|or|also|but|same for|so)\\b");

  private FollowUp() {}

  /** The text to search with: the earlier question joined on when this one is a follow-up. */
  static String searchText(Question q) {
    return isFollowUp(q) ? q.previous().orElseThrow() + " " + q.text() : q.text();
  }

  /**
   * The text whose form decides yes/no versus information. A follow-up that is a question of its
   * own kind ("so what am I meant to use then?") keeps it; "what about on a trip?" asks the earlier
   * question again.
   */
  static String questionForm(Question q) {
    if (isFollowUp(q) && CARRY_OVER.matcher(normal(q.text())).lookingAt() && !VerdictReader.isInformationQuestion(q.text())) {
      return q.previous().orElseThrow();
    }
    return q.text();
  }

  static boolean isFollowUp(Question q) {
    if (q.previous().isEmpty() || q.previous().get().isBlank()) {
      return false;
    }
    String t = normal(q.text());
    return CARRY_OVER.matcher(t).lookingAt() || t.split("\\s+").length <= MAX_FOLLOW_UP_WORDS;
  }

  private static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).strip();
  }
}
