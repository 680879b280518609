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

  /**
   * A question this short names no subject of its own ("who do I ask?", "how do I ask?"): with no
   * earlier question given, the one before it in the same conversation supplies it.
   */
  static final int SUBJECTLESS_WORDS = 4;

  /** Words that point back at something said before; "this policy" names its own subject. */
  private static final Pattern POINTS_BACK =
      Pattern.compile("\\b(it|that|this(?! (policy|agreement|code|document))|them|those|these|then|instead|there|ones?)\\b");

  /**
   * A longer question after an earlier one still leans on it when it points back at it ("do i just
   * mention it to the head or is there more to it", "how do i find out if thats allowed then?").
   */
  static final int MAX_POINTING_BACK_WORDS = 16;

  /** "Is it ok", "it's fine": an "it" that points at nothing said before. */
  private static final Pattern EXPLETIVE_IT =
      Pattern.compile("\\b(is|was|would|will) (it|that) be (ok|okay|alright|fine|allowed|acceptable)\\b|\\b(is|was) (it|that) (ok|okay|alright|fine|allowed|acceptable)\\b|\\bit'?s (ok|okay|alright|fine|allowed)\\b");

  /** A conversational opening that says nothing about the subject: "ok so can I ...". */
  private static final Pattern FILLER_OPENING = Pattern.compile("^(ok|okay|right|oh|hmm),? ");

  private FollowUp() {}

  /**
   * Whether a question, read with nothing before it, leans on an earlier one for its subject: it
   * opens by carrying one over ("what about on a residential?"), is too short to name one ("who do
   * I ask?"), or is short and points back ("so what am I meant to use then?"). Measured on the
   * development and check sets with every "previous" removed, it picks out 12 of their 14
   * follow-ups (11 follow the line just before them, one an earlier line) and none of the other
   * 168 questions ("when is this policy reviewed?" names its subject); on the fresh set, written
   * after it, all 5 follow-ups and none of the other 55.
   */
  static boolean leansOnEarlier(String text) {
    String t = normal(text);
    int words = words(t);
    return CARRY_OVER.matcher(t).lookingAt()
        || (words > 0 && words <= SUBJECTLESS_WORDS)
        || (words <= MAX_FOLLOW_UP_WORDS && pointsBack(t));
  }

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
    int words = words(t);
    return CARRY_OVER.matcher(t).lookingAt() || words <= MAX_FOLLOW_UP_WORDS || (words <= MAX_POINTING_BACK_WORDS && pointsBack(t));
  }

  /**
   * Whether a question points back at something said before ("so what am I meant to use then?"),
   * apart from the "it" of "is it ok", which points at nothing: a chat's "is it ok to post on
   * facebook?" is a question of its own.
   */
  private static boolean pointsBack(String normal) {
    return POINTS_BACK.matcher(EXPLETIVE_IT.matcher(normal).replaceAll("")).find();
  }

  private static int words(String normal) {
    return normal.isEmpty() ? 0 : normal.split("\\s+").length;
  }

  /** Lower case, without a conversational opening ("ok and what about visitors?" is "and what about visitors?"). */
  private static String normal(String s) {
    return FILLER_OPENING.matcher(s.toLowerCase(Locale.ROOT).strip()).replaceFirst("");
  }
}
