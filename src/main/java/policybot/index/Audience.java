package policybot.index;

import java.util.regex.Pattern;

/**
 * Who a clause and a question are about. Staff ask about their own conduct ("can I accept a
 * parent's friend request?"), and a rule addressed to parents or pupils ("Parents are not expected
 * to post pictures ...") shares their words without answering them: on the Glais policy such
 * rules outranked the staff rule for that very question.
 */
final class Audience {
  /**
   * What a clause addressed to someone else keeps of its fused score when staff ask about
   * themselves: a nudge that settles near-ties between a rule for parents and one for staff, not
   * enough to bury a clause both retrievers put first. On the development set 0.90 to 0.99 all
   * gave the same ranking (top 1 up by one question).
   */
  static final double OTHERS_RULE_FACTOR = 0.97;

  /** A clause whose subject is parents, carers, pupils or visitors, after any list number, unless staff are named with them. */
  private static final Pattern ADDRESSED_TO_OTHERS =
      Pattern.compile(
          "^(\\W*\\d+\\W*)?(parents?|carers?|pupils?|children|students?|visitors?)\\b(?!\\s*(and|or|,)\\s*(staff|members of staff|teachers))",
          Pattern.CASE_INSENSITIVE);

  /** A question in the first person: "can I", "my phone", "am I allowed". */
  private static final Pattern FIRST_PERSON = Pattern.compile("\\b(i|me|my|i'm|im|i've|ive|i'd|myself)\\b", Pattern.CASE_INSENSITIVE);

  private Audience() {}

  /** Whether the clause's rule is for someone other than staff. */
  static boolean addressedToOthers(String clauseText) {
    return ADDRESSED_TO_OTHERS.matcher(clauseText.strip()).find();
  }

  /** Whether the question asks about the asker's own conduct. */
  static boolean aboutOwnConduct(String question) {
    return FIRST_PERSON.matcher(question.replace('’', '\'')).find();
  }
}
