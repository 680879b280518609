package policybot.answer;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Spots a disclosure or a concern about a child's safety, which must be reported, never answered
 * as a question about using technology. It errs on the side of routing to the DSL.
 */
final class SafeguardingCheck {

  /** Someone (a child) telling the member of staff something. */
  private static final Pattern DISCLOSURE =
      Pattern.compile(
          "\\b(told me|tells me|disclosed|confided|said|says|"
              + "showed me|asked me not to tell|keep (it|this|their chats?|a) secret|"
              + "i('m| am) (worried|concerned) about (a|one of|my|this|the) )");

  /** Harm, abuse or exploitation words. */
  private static final Pattern HARM =
      Pattern.compile(
          "\\b(abus\\w*|hit(s|ting)?|hurt(s|ing)?|beat(s|en|ing)?|bruis\\w*|slap\\w*|kick(s|ed|ing)?|"
              + "touch(es|ed|ing)|groom\\w*|neglect\\w*|starv\\w*|hungry|self[- ]?harm\\w*|cut(s|ting)? "
              + "(her|him|them)sel\\w*|suicid\\w*|kill (her|him|them)sel\\w*|scared to go home|"
              + "sexual\\w*|nude\\w*|naked|in the bath|send (pictures|photos|pics|images) of (her|him|them)sel\\w*|"
              + "meet (up )?with (her|him)|wants to meet|radicali[sz]\\w*|fgm|forced marriage|"
              + "exploit\\w*|trafficked|county lines|unsafe at home|not safe at home|drunk|drinking)\\b");

  /** Words that place the concern on a child. */
  private static final Pattern CHILD =
      Pattern.compile(
          "\\b(pupil|child|kid|student|boy|girl|lad|son|daughter|y\\d{1,2}|year \\d{1,2}|"
              + "year (one|two|three|four|five|six|seven|eight|nine|ten|eleven)|year \\d+s|"
              + "one of my (class|pupils|year|tutor|students)\\w*|tutor group|in my class)\\b");

  /** A concern voiced directly: "I think a child is being ...". */
  private static final Pattern CONCERN =
      Pattern.compile("\\b(i think|i suspect|i'm worried|i am worried|worried that|concerned that)\\b.*\\bis being\\b");

  private SafeguardingCheck() {}

  static boolean isConcern(String question) {
    String q = question.toLowerCase(Locale.ROOT).replace('’', '\'');
    boolean child = CHILD.matcher(q).find();
    if (!child) {
      return false;
    }
    boolean harm = HARM.matcher(q).find();
    boolean disclosure = DISCLOSURE.matcher(q).find();
    return (disclosure && harm) || (harm && CONCERN.matcher(q).find()) || (disclosure && q.contains("secret"));
  }
}
