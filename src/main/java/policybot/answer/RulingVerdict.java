package policybot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The verdict of a reviewer's ruling, read the way clauses are read ({@link VerdictReader}). A
 * person answering a yes/no question usually opens with "Yes" or "No", which policy wording never
 * does, so that opening decides when the sentence itself states no rule ("Yes, from the school
 * phone.").
 */
final class RulingVerdict {

  /** "Yes", "Yes," "Yes." ... at the start of the ruling. */
  private static final Pattern OPENS_YES = Pattern.compile("^(yes|yep|yeah)\\b");

  /** "No", "No," "No." ... at the start; "no one" and "no staff" are rules VerdictReader reads. */
  private static final Pattern OPENS_NO = Pattern.compile("^no\\b(?!\\s+(one|staff|user)\\b)");

  private RulingVerdict() {}

  static Verdict read(String form, String ruling) {
    if (VerdictReader.isInformationQuestion(form)) {
      return Verdict.INFO;
    }
    String text = ruling.strip();
    KeySentence.Span opening = KeySentence.sentences(text).get(0);
    String first = text.substring(opening.start(), opening.end());
    Verdict v = VerdictReader.readYesNo(form, first);
    if (v != Verdict.INFO) {
      return v;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    if (OPENS_YES.matcher(lower).find()) {
      return Verdict.YES;
    }
    if (OPENS_NO.matcher(lower).find()) {
      return Verdict.NO;
    }
    return VerdictReader.readYesNo(form, text);
  }
}
