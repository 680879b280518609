package policybot.answer;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import policybot.index.Audience;

/**
 * What kind of answer a question wants, where the kind can be checked in a clause's words; clauses
 * close in meaning that lack it cannot settle the question, however high the confidence score. A
 * question that asks how long, how often, how many or what time wants a figure ("bi-annually",
 * "for 12 months", "Sept 2025"): "how long do we keep photos of leavers?" is not settled by
 * "Images will only be taken, stored and used for purposes within school". A question about what
 * pupils may do wants a rule for pupils: "are pupils allowed to use their own phones in lessons?"
 * is not settled by a staff rule that shares its words ("[Members of staff] are not permitted to
 * use personal digital equipment, such as mobile phones ..."). A question that asks what happens
 * then wants a consequence or a next step: "what happens if I lose a school USB stick?" is not
 * settled by "Should use secure portable media (eg USB stick) provided by the school". Such
 * questions go to the head.
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

  /** Questions that want a consequence or what follows: "what happens if I lose a school USB stick?" */
  private static final Pattern ASKS_FOR_CONSEQUENCE =
      Pattern.compile(
          "\\b(what (happens|will happen|would happen)|what are the consequences|(will|would) i (get|be) in trouble|am i in trouble|on the hook)\\b");

  /**
   * Words that give a consequence or what is done next: "will lead to the incident being logged",
   * "a disciplinary offence", "must be reported to", "responsible for all activity".
   */
  private static final Pattern GIVES_CONSEQUENCE =
      Pattern.compile(
          "\\b(leads? to|lead to|result(s|ing)? in|disciplinary|sanctions?|offences?|misconduct|consequences?|suspension|dismiss\\w*|"
              + "action (will|may|could|can) be taken|(will|may|must|should|shall|are to|is to) be (logged|reported|recorded|investigated|"
              + "dealt with|referred|escalated|removed|withdrawn|confiscated)|responsible for|liable|escalate\\w*|"
              + "report(ed)? (it|this|them|any|to))\\b");

  private AnswerType() {}

  /** Why the cited clauses cannot settle the question, whatever the confidence check says; empty when they can. */
  static Optional<EscalationReason> unsettled(String question, List<Citation> citations) {
    if (asksForFigure(question) && citations.stream().noneMatch(c -> givesFigure(c.clause().text()))) {
      return Optional.of(EscalationReason.NO_FIGURE_GIVEN);
    }
    if (asksForConsequence(question) && citations.stream().noneMatch(c -> givesConsequence(c.clause().text()))) {
      return Optional.of(EscalationReason.NO_CONSEQUENCE_GIVEN);
    }
    if (Audience.asksWhatPupilsMay(question) && citations.stream().noneMatch(AnswerType::setsRuleForPupils)) {
      return Optional.of(EscalationReason.NO_RULE_FOR_PUPILS);
    }
    return Optional.empty();
  }

  private static boolean setsRuleForPupils(Citation c) {
    return Audience.setsRuleForPupils(c.clause().text()) || Audience.setsRuleForPupils(String.join(". ", c.clause().headings()));
  }

  static boolean asksForFigure(String question) {
    return ASKS_FOR_FIGURE.matcher(VerdictReader.lower(question)).find();
  }

  static boolean givesFigure(String clauseText) {
    return GIVES_FIGURE.matcher(VerdictReader.lower(clauseText)).find();
  }

  static boolean asksForConsequence(String question) {
    return ASKS_FOR_CONSEQUENCE.matcher(VerdictReader.lower(question)).find();
  }

  static boolean givesConsequence(String clauseText) {
    return GIVES_CONSEQUENCE.matcher(VerdictReader.lower(clauseText)).find();
  }
}
