package policybot.index;

import java.util.regex.Pattern;

/**
 * Who a clause and a question are about. Staff ask about their own conduct ("can I accept a
 * parent's friend request?"), and a rule addressed to parents or pupils ("Parents are not expected
 * to post pictures ...") shares their words without answering them: on the Glais policy such
 * rules outranked the staff rule for that very question.
 */
public final class Audience {
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

  /**
   * A question about what pupils may or must do ("are the kids allowed to bring their phones in?",
   * "a child has their phone out, are they allowed it?"), not about what staff may do with them.
   */
  private static final Pattern ASKS_WHAT_PUPILS_MAY =
      Pattern.compile(
          "\\b(are|can|may|must|should|do|does|is) (the |our |my )?(pupils?|kids?|children|child|students?)\\b( \\w+){0,3}? "
              + "(allowed|permitted|bring|use|have|hand|take|wear|keep|access|need)\\b|"
              + "\\b(are they|is (he|she)) (allowed|permitted)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A child named in a question whose "are they allowed" may be about the child. */
  private static final Pattern CHILD = Pattern.compile("\\b(pupils?|kids?|children|child|students?|boys?|girls?)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A sentence or heading that sets a rule for pupils: "Pupils are not allowed to use their phones
   * in school", "Pupils must not use their iPad in School corridors", a section "Pupils' use of ...".
   */
  private static final Pattern RULE_FOR_PUPILS =
      Pattern.compile(
          "(^|[.!?:;]\\s+|\\b(and|that|where|if)\\s+)(pupils?|children|students?)( \\w+){0,3}? "
              + "(are|is|must|should|may|will|can|cannot|can't|need|needs|have to|has to|do not|don't)\\b|"
              + "\\b(pupils?|children|students?)('|’)?s? (use|conduct|behaviour|mobile|phones?|devices?)\\b",
          Pattern.CASE_INSENSITIVE);

  private Audience() {}

  /** Whether the question asks what pupils may or must do, rather than what staff may. */
  public static boolean asksWhatPupilsMay(String question) {
    String q = question.replace('’', '\'');
    return ASKS_WHAT_PUPILS_MAY.matcher(q).find() && CHILD.matcher(q).find();
  }

  /** Whether a clause (its words with its headings) sets a rule for pupils. */
  public static boolean setsRuleForPupils(String clauseWithHeadings) {
    return RULE_FOR_PUPILS.matcher(clauseWithHeadings).find();
  }

  /** Whether the clause's rule is for someone other than staff. */
  static boolean addressedToOthers(String clauseText) {
    return ADDRESSED_TO_OTHERS.matcher(clauseText.strip()).find();
  }

  /** Whether the question asks about the asker's own conduct. */
  static boolean aboutOwnConduct(String question) {
    return FIRST_PERSON.matcher(question.replace('’', '\'')).find();
  }
}
