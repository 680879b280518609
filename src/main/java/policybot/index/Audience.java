package policybot.index;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import policybot.corpus.Clause;

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
   * enough to bury a clause both retrievers put first. It was 0.97 while fusion used the RRF
   * paper's constant of 60, where one rank apart is about 0.98 of the score; with the constant at
   * 10 (ClauseIndex.RRF_K) one rank apart is about 0.92, and 0.90 put the right clause first for
   * one more question on the development set and on the fourth, with nothing lost on the others
   * (0.85 the same, but one more wrong verdict on the development set).
   */
  static final double OTHERS_RULE_FACTOR = 0.90;

  /** A clause whose subject is parents, carers, pupils or visitors, after any list number, unless staff are named with them. */
  private static final Pattern ADDRESSED_TO_OTHERS =
      Pattern.compile(
          "^(\\W*\\d+\\W*)?(parents?|carers?|pupils?|children|students?|visitors?)\\b(?!\\s*(and|or|,)\\s*(staff|members of staff|teachers))",
          Pattern.CASE_INSENSITIVE);

  /**
   * A heading over rules for pupils or parents: "Student Pledge for iPad Use", "Additional
   * Responsibilities for Pupils", "Comments posted by parents/carers". Not a section that is merely
   * about children ("Safeguarding of Children"), whose rules are for staff.
   */
  private static final Pattern HEADING_FOR_OTHERS =
      Pattern.compile(
          "\\b(for|by) (pupils?|students?|learners?|parents?|parents?/carers?|carers?)\\b|^(pupils?|students?|parents?)\\b"
              + "|\\b(pupils?|students?|learners?|parents?)('|’)?s? (pledge|agreement|acceptable use|responsibilities|code)\\b",
          Pattern.CASE_INSENSITIVE);

  /** A pupil's own voice in a pupils' agreement: "I will only use the camera when my teacher tells me to". */
  private static final Pattern PUPIL_VOICE = Pattern.compile("\\bmy (teachers?|parents?|parent/carers?|class teacher)\\b", Pattern.CASE_INSENSITIVE);

  /** A question in the first person: "can I", "my phone", "am I allowed". */
  private static final Pattern FIRST_PERSON = Pattern.compile("\\b(i|me|my|i'm|im|i've|ive|i'd|myself)\\b", Pattern.CASE_INSENSITIVE);

  /**
   * Someone other than staff whose conduct a question may ask about, and the words that name them.
   * The policies are mostly rules for staff, which share a question's words without answering what
   * pupils or parents may do.
   */
  public enum Party {
    PUPILS("pupils?|kids?|children|child|students?|boys?|girls?", false),
    // "Filming and photography by parents ... are allowed": what parents may do is often said of the
    // thing they do; "the taking of images by staff and pupils with school equipment" is a rule for
    // staff's use of school equipment, so pupils are not read that way
    // a parent or grandparent in school is a visitor: "Visitors may only use their phones in the
    // foyer" answers what a dad hearing readers may do
    PARENTS("parents?|carers?|parent/carers?|parents/carers|mums?|dads?|mothers?|fathers?|grandparents?|grandads?|grandmas?|visitors?", true);

    private final Pattern named;
    private final Pattern asked;
    private final Pattern rule;

    Party(String words, boolean ruledAsAgent) {
      this.named = Pattern.compile("\\b(" + words + ")\\b", Pattern.CASE_INSENSITIVE);
      this.asked =
          Pattern.compile(
              "\\b(are|can|could|may|must|should|do|does|is) (the |our |my )?(" + words + ")\\b( \\w+){0,3}? " + ASKED_VERBS,
              Pattern.CASE_INSENSITIVE);
      // "Pupils are not allowed to ...", "Parents are not expected to post ...", "recorded ... by
      // staff and parent/carers", a section "Pupils' use of ..."
      this.rule =
          Pattern.compile(
              "(^|[.!?:;]\\s+|\\b(and|that|where|if)\\s+)(" + words + ")( \\w+){0,3}? " + RULE_VERBS
                  + (ruledAsAgent ? "|\\bby (staff and |staff, )?(" + words + ")\\b" : "")
                  + "|\\b(" + words + ")('|’)?s? (use|conduct|behaviour|mobile|phones?|devices?)\\b",
              Pattern.CASE_INSENSITIVE);
    }

    /** Whether {@code text} names this party at all. */
    public boolean namedIn(String text) {
      return named.matcher(text).find();
    }

    /** Whether a clause (its words or its headings) sets a rule for this party. */
    public boolean hasRuleIn(String text) {
      return rule.matcher(text).find();
    }
  }

  /** What a question asks whether someone may or must do. */
  private static final String ASKED_VERBS =
      "(allowed|permitted|bring|use|have|hand|take|wear|keep|access|need|film|record|post|photograph)\\b";

  /** The verbs of a rule addressed to someone. */
  private static final String RULE_VERBS = "(are|is|must|should|may|will|can|cannot|can't|need|needs|have to|has to|do not|don't)\\b";

  /**
   * "are they allowed", "if they can": about whoever was named last before it. Not being in a
   * picture ("is she ok to be in the class photo?", "can they go on the website?"), which is what
   * staff may do with it.
   */
  private static final Pattern THEY =
      Pattern.compile(
          "\\b(are they|is (he|she)|can they|could they|may they|if they can|whether they can|whether they('re| are))\\b"
              + "(?! (still )?((ok|okay|alright|fine|allowed) to )?(be|go|appear|feature) (in|on)\\b)");

  private Audience() {}

  /**
   * Whom other than staff a question asks about: "are the kids allowed to bring their phones in?"
   * and "a child has their phone out in class, are they allowed it?" ask what pupils may do,
   * "parents keep asking if they can film the concert, are they allowed?" what parents may; "can I
   * let the kids use my phone?" asks what staff may.
   */
  public static Optional<Party> asksWhatOthersMay(String question) {
    String q = question.replace('’', '\'');
    for (Party p : Party.values()) {
      if (p.asked.matcher(q).find()) {
        return Optional.of(p);
      }
    }
    Matcher they = THEY.matcher(q.toLowerCase(Locale.ROOT));
    if (!they.find()) {
      return Optional.empty();
    }
    // whoever was named last before "they"
    Party last = null;
    int at = -1;
    for (Party p : Party.values()) {
      Matcher m = p.named.matcher(q.substring(0, they.start()));
      while (m.find()) {
        if (m.start() > at) {
          at = m.start();
          last = p;
        }
      }
    }
    return Optional.ofNullable(last);
  }

  /**
   * Whether {@code sentence} is about pupils or parents other than those {@code question} names:
   * "Staff must never add pupils ... as friends" for a question about a mum. False when either
   * names neither.
   */
  public static boolean aboutOtherParties(String question, String sentence) {
    Set<Party> asked = EnumSet.noneOf(Party.class);
    Set<Party> said = EnumSet.noneOf(Party.class);
    for (Party p : Party.values()) {
      if (p.namedIn(question)) {
        asked.add(p);
      }
      if (p.namedIn(sentence)) {
        said.add(p);
      }
    }
    return !asked.isEmpty() && !said.isEmpty() && Collections.disjoint(asked, said);
  }

  /** Whether the clause's rule is for someone other than staff. */
  public static boolean addressedToOthers(String clauseText) {
    return ADDRESSED_TO_OTHERS.matcher(clauseText.strip()).find() || PUPIL_VOICE.matcher(clauseText).find();
  }

  /** Whether the clause's rule is for someone other than staff, by its words or by a heading over it. */
  static boolean addressedToOthers(Clause clause) {
    return addressedToOthers(clause.text()) || clause.headings().stream().anyMatch(h -> HEADING_FOR_OTHERS.matcher(h.strip()).find());
  }

  /** Whether the question asks about the asker's own conduct. */
  public static boolean aboutOwnConduct(String question) {
    return FIRST_PERSON.matcher(question.replace('’', '\'')).find();
  }
}
