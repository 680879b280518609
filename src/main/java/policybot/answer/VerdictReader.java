package policybot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a verdict from what a clause actually says: "must not" is a no, "with the permission of
 * the Head" makes it conditional, "may" is a yes. Questions that are not yes/no get {@code INFO}.
 */
final class VerdictReader {

  /** Wording that makes something allowed only with someone's say-so or on conditions. */
  private static final Pattern CONDITIONAL =
      Pattern.compile(
          "\\b(without (the )?(specific |prior |explicit |express |written |appropriate )?(permission|consent|agreement|authori[sz]ation)|"
              + "unless|with (the )?(specific |prior |explicit |express |written )?(permission|consent|agreement)|"
              + "with .{0,40}(permission|consent)|"
              // "without the Headteacher's consent": the prohibition holds only until someone agrees
              + "without [\\w' ]{0,40}(permission|consent|agreement|approval|authori[sz]ation)|"
              + "(when|where) (it is )?necessary|"
              + "at the discretion of|by arrangement with|mutually agreed|as agreed|permission must be sought|"
              + "(must|should) be (approved|authori[sz]ed|agreed)|approved by|authori[sz]ed by|when authori[sz]ed|"
              + "following agreement|if deemed necessary|deemed .?reasonable|in exceptional circumstances|"
              + "prior permission|has been given|is granted|been granted|except|in accordance with|"
              + "seek (parental |prior |their )?(consent|permission)|must be sought|with appropriate authority|"
              + "only be (used|taken|created)|but not|if .{0,30}necessary|ensur(e|ing) that|must ensure|should ensure|"
              // "the permission slips will indicate whether this is acceptable"
              + "whether (this|it|that) is (acceptable|allowed|permitted|appropriate))\\b");

  /** Wording that forbids. */
  private static final Pattern PROHIBITION =
      Pattern.compile(
          "\\b(must not|must never|mustn't|may not|not permitted|not allowed|prohibited|forbidden|"
              + "should not|shouldn't|should never|never|do not|don't|will not|won't|under no circumstances|"
              + "not expected to|no (staff|user|one)\\b|cannot|can not|is not acceptable|are not to|"
              + "are asked not to|advised not to|not be used|must only|will only|should only|can only|"
              + "is a disciplinary offence|strictly|only (these|this|the school.s|approved)|not for|"
              // "only pre-registered users may post": whoever or whatever is not named may not
              + "only [^.;]{1,60}\\b(may|can))\\b");

  /** Wording that allows. */
  private static final Pattern PERMISSION =
      Pattern.compile(
          "\\b(may(?! be (monitored|logged|subject|considered|made|deleted|harmed|tracked))|allowed|permitted|permits|"
              + "is allowed|are allowed|is acceptable|allows)\\b");

  /** Openings of questions that ask for facts, not permission. */
  private static final Pattern INFO_QUESTION =
      Pattern.compile(
          "^(who|what|when|where|which|how|why|whose|whom|tell me|explain|list)\\b|"
              + "\\b(who (do|should|can) i|what (do|should|happens|am i)|how (do|should|often|long)|when (is|does|do)|"
              + "where (do|should|can)|what now|what do i do)\\b");

  /**
   * Openings of questions that ask about a case rather than for facts: "what if the head says it's
   * fine?", "what about on a trip?".
   */
  private static final Pattern HYPOTHETICAL = Pattern.compile("^(so |and |but |or )?(what if|what about|how about)\\b");

  private static final Pattern WH_OPENING = Pattern.compile("(who|what|when|where|which|how|why|whose|whom)\\b");

  /** Words inside a question that ask for permission, whatever the question opens with. */
  private static final Pattern ASKS_PERMISSION =
      Pattern.compile(
          "\\b(can i|can we|could i|may i|am i allowed|are we allowed|is it (ok|okay|alright|allowed|acceptable)|"
              + "allowed to|permitted to|ok to|okay to|ok if|okay if)\\b");

  /** Openings of yes/no questions about what is allowed. */
  private static final Pattern YES_NO_QUESTION =
      Pattern.compile(
          "^(can|could|may|might|am|is|are|do|does|did|should|shall|must|will|would|have|has)\\b|"
              + "\\b(can i|can we|am i|is it|are we|are staff|are parents|are pupils|allowed|ok to|okay to|ok if|okay if|is that ok|do i need|should i|can parents|can anyone)\\b");

  private VerdictReader() {}

  /**
   * Whether the question asks what to do or who/when, rather than whether something is allowed. A
   * what/who/how/when/where question is one unless it also asks for permission ("what apps can I
   * install?") or puts a case ("what if the head says yes?"); a question opening like a yes/no
   * question is not one.
   */
  static boolean isInformationQuestion(String question) {
    String q = question.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
    if (HYPOTHETICAL.matcher(q).find()) {
      return false;
    }
    String opening = q.replaceFirst("^(so|and|but|or|ok|okay|right|then),? ", "");
    if (YES_NO_QUESTION.matcher(opening).lookingAt()) {
      return false;
    }
    if (ASKS_PERMISSION.matcher(q).find()) {
      return false;
    }
    if (WH_OPENING.matcher(opening).lookingAt()) {
      return true;
    }
    return INFO_QUESTION.matcher(q).find() && !YES_NO_QUESTION.matcher(q).find();
  }

  /** The verdict a yes/no question gets from {@code sentence}, the clause sentence that answers it. */
  static Verdict read(String question, String sentence) {
    if (isInformationQuestion(question)) {
      return Verdict.INFO;
    }
    String s = sentence.toLowerCase(Locale.ROOT).replace('’', '\'');
    boolean forbids = PROHIBITION.matcher(s).find();
    boolean conditions = CONDITIONAL.matcher(s).find();
    if (conditions) {
      return Verdict.CONDITIONAL;
    }
    if (forbids) {
      return Verdict.NO;
    }
    if (PERMISSION.matcher(s).find()) {
      return Verdict.YES;
    }
    return Verdict.INFO;
  }

  /** A question that itself leaves out the condition: "can I post them without the head's consent?". */
  private static final Pattern WITHOUT_THE_CONDITION =
      Pattern.compile(
          "\\bwithout (asking|checking|telling|permission|consent|approval|agreement|getting|seeking|their|the|his|her|my)\\b");

  /**
   * Whether the question asks about doing the thing without meeting the condition a rule sets, so
   * that "only with permission" answers it with a no.
   */
  static boolean skipsTheCondition(String question) {
    return WITHOUT_THE_CONDITION.matcher(question.toLowerCase(Locale.ROOT)).find();
  }

  /** A sentence that opens by softening the rule before it: "However, in urgent cases ...". */
  private static final Pattern RELAXING_OPENING = Pattern.compile("^(however|but|except|exceptionally)\\b");

  /** Where a rule names its exception: "(unless on an educational visit)", "without the permission of". */
  private static final Pattern EXCEPTION =
      Pattern.compile("\\b(unless|except|other than|without|with)\\b([^.;)]*)");

  /**
   * Whether {@code sentence}, following a prohibition in the same clause, opens an exception to it
   * that allows the thing on conditions.
   */
  static boolean relaxes(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT).strip();
    if (!RELAXING_OPENING.matcher(s).lookingAt()) {
      return false;
    }
    return PERMISSION.matcher(s).find() || CONDITIONAL.matcher(s).find();
  }

  /** The words of the exception a conditional rule makes, if it names one. */
  static java.util.Optional<String> exception(String sentence) {
    java.util.regex.Matcher m = EXCEPTION.matcher(sentence.toLowerCase(Locale.ROOT));
    return m.find() ? java.util.Optional.of(m.group(2)) : java.util.Optional.empty();
  }

  /** Whether a sentence states a rule at all (used to prefer rule sentences as highlights). */
  static boolean isRule(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT);
    return PROHIBITION.matcher(s).find() || CONDITIONAL.matcher(s).find() || PERMISSION.matcher(s).find()
        || s.contains("must") || s.contains("should");
  }
}
