package policybot.answer;

import java.util.regex.Pattern;

/**
 * What kind of answer a question wants, where the kind can be checked in a clause's words. A
 * question that asks how long, how often, how many or what time wants a figure ("bi-annually",
 * "for 12 months", "Sept 2025"); a clause with no figure in it cannot settle that question however
 * close it is in meaning ("how long do we keep photos of leavers?" against "Images will only be
 * taken, stored and used for purposes within school"), so the question goes to the head.
 */
final class AnswerType {
  /** Questions that want a duration, a frequency, a number, a time of day or a date. */
  private static final Pattern ASKS_FOR_FIGURE =
      Pattern.compile("\\b(how (long|many|much|often|old|soon)|what time|what age|by when|what date|which date)\\b");

  /**
   * Words that give a figure: a digit, a frequency ("bi-annually", "twice"), a span of time with
   * a number or "every" before it ("for two years", "every term", "within a week"), or a month.
   * A unit of time alone is not one, nor a year group: "sports days", "each class" and "Y6 Prom"
   * give no figure.
   */
  private static final Pattern GIVES_FIGURE =
      Pattern.compile(
          "(?<!year )\\b\\d+(st|nd|rd|th|s)?\\b|\\b(once|twice|hourly|daily|weekly|fortnightly|monthly|termly|yearly|annual|annually|bi-annual|bi-annually|"
              + "biannual|biannually|immediately|as soon as|straight away|at once|"
              + "january|february|april|june|july|august|september|sept|october|november|december)\\b|"
              + "\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
              + "hundred|a|an|each|every|per|within|several|few|the following)( \\w+)? "
              + "(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|terms?)\\b");

  private AnswerType() {}

  static boolean asksForFigure(String question) {
    return ASKS_FOR_FIGURE.matcher(VerdictReader.lower(question)).find();
  }

  static boolean givesFigure(String clauseText) {
    return GIVES_FIGURE.matcher(VerdictReader.lower(clauseText)).find();
  }
}
