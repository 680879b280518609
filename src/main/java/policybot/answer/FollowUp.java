package policybot.answer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import policybot.corpus.Corpus;
import policybot.index.ClauseIndex;
import policybot.index.Hit;

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

  /**
   * A follow-up with this many subject word groups of its own ("and could I give the year 6s my
   * mobile number in case anyone gets lost?") brings a subject of its own; fewer ("what about on a
   * residential?", "what if the head says it's fine?") only narrow or re-ask the earlier one.
   */
  static final int OWN_SUBJECT_GROUPS = 2;

  /**
   * What the follow-up's own search adds to each clause's fused score, as a share of one
   * retriever's weight: half, so its own words lift a clause the joined search already found
   * without outvoting the earlier question. Measured on the seventeen question sets (session 17),
   * against the joined search alone: on the eleven blind sets 4 more verdicts right, 2 more first
   * places and one more in the top three (the new fifteenth set, scored once, +1 and +2 of those);
   * on the read sets one more first place and one more in the top three, no verdict changed. A
   * whole retriever's weight did as well on the blind sets and found one first place fewer on the
   * read ones; counting the own words for every follow-up, even "what if the head says it's fine?",
   * lost three first places on the read sets.
   */
  static final double OWN_WORDS_WEIGHT = 0.5;

  private FollowUp() {}

  /**
   * Whether a follow-up names a subject of its own besides the earlier question's, so that its own
   * words should count in the search as well as the two questions joined.
   *
   * @param subjectGroups how many subject word groups the follow-up alone has ({@link ClauseIndex#subjectTerms})
   */
  static boolean namesOwnSubject(Question q, int subjectGroups) {
    return isFollowUp(q) && subjectGroups >= OWN_SUBJECT_GROUPS;
  }

  /**
   * The best clauses for a follow-up that names its own subject: the search of both questions
   * joined, each clause's score raised by its rank in the follow-up's own search. Joined, the
   * earlier question's longer wording outweighs the follow-up's: "even while the kids are doing
   * quiet reading?" after "can I check my personal emails on the school computer?" found the rule
   * on personal email first, ahead of the one that names contact time.
   */
  static List<Hit> withOwnWords(List<Hit> joined, List<Hit> own, int limit) {
    Map<String, Integer> ownRank = new HashMap<>();
    for (int i = 0; i < own.size(); i++) {
      ownRank.putIfAbsent(Corpus.key(own.get(i).clause()), i + 1);
    }
    return joined.stream()
        .map(h -> {
          Integer rank = ownRank.get(Corpus.key(h.clause()));
          return rank == null ? h : h.withScore(h.score() + OWN_WORDS_WEIGHT * ClauseIndex.reciprocalRank(rank));
        })
        .sorted(Hit.BEST_FIRST)
        .limit(limit)
        .toList();
  }

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
   * own kind ("so what am I meant to use then?", "what about the kids - can they keep theirs in
   * their bags?") keeps it; "what about on a trip?" asks the earlier question again.
   */
  static String questionForm(Question q) {
    if (isFollowUp(q) && CARRY_OVER.matcher(normal(q.text())).lookingAt() && !VerdictReader.isInformationQuestion(q.text())
        && !VerdictReader.endsInYesNoQuestion(q.text())) {
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
