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
              + "at the discretion of|by arrangement with|mutually agreed|as agreed|permission must be sought|"
              + "(must|should) be (approved|authori[sz]ed|agreed)|approved by|authori[sz]ed by|when authori[sz]ed|"
              + "following agreement|if deemed necessary|deemed .?reasonable|in exceptional circumstances|"
              + "prior permission|has been given|is granted|been granted|except|in accordance with|"
              + "seek (parental |prior |their )?(consent|permission)|must be sought|with appropriate authority|"
              + "only be (used|taken|created)|but not|if .{0,30}necessary|ensure that|must ensure|should ensure)\\b");

  /** Wording that forbids. */
  private static final Pattern PROHIBITION =
      Pattern.compile(
          "\\b(must not|must never|mustn't|may not|not permitted|not allowed|prohibited|forbidden|"
              + "should not|shouldn't|should never|never|do not|don't|will not|won't|under no circumstances|"
              + "not expected to|no (staff|user|one)\\b|cannot|can not|is not acceptable|are not to|"
              + "are asked not to|advised not to|not be used|must only|will only|should only|can only|"
              + "is a disciplinary offence|strictly|only (these|this|the school.s|approved)|not for)\\b");

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

  /** Openings of yes/no questions about what is allowed. */
  private static final Pattern YES_NO_QUESTION =
      Pattern.compile(
          "^(can|could|may|might|am|is|are|do|does|did|should|shall|must|will|would|have|has)\\b|"
              + "\\b(can i|can we|am i|is it|are we|are staff|are parents|are pupils|allowed|ok to|okay to|ok if|okay if|is that ok|do i need|should i|can parents|can anyone)\\b");

  private VerdictReader() {}

  /** Whether the question asks what to do or who/when, rather than whether something is allowed. */
  static boolean isInformationQuestion(String question) {
    String q = question.toLowerCase(Locale.ROOT).strip();
    if (YES_NO_QUESTION.matcher(q).lookingAt()) {
      return false;
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

  /** Whether a sentence states a rule at all (used to prefer rule sentences as highlights). */
  static boolean isRule(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT);
    return PROHIBITION.matcher(s).find() || CONDITIONAL.matcher(s).find() || PERMISSION.matcher(s).find()
        || s.contains("must") || s.contains("should");
  }
}
