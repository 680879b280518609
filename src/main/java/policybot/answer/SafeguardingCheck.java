package policybot.answer;

import java.util.regex.Pattern;

/**
 * Spots a disclosure or a concern about a child's safety, which must be reported, never answered
 * as a question about using technology. It errs on the side of routing to the DSL.
 *
 * <p>A concern names a child and either a sign of harm with someone telling or noticing it ("a
 * year 3 girl said her stepdad hits her", "one of my pupils has marks on her neck"), or a child's
 * own account of someone in their life, told as news rather than asked as a question ("a y2 lad
 * told me his mum leaves him and his baby sister on their own all weekend"). A sign of harm in a
 * question about what staff may do ("can I use my phone to call a parent if a child is hurt on a
 * trip?") is not a concern unless someone told or noticed something too. The harm words cover the
 * kinds of harm in Keeping Children Safe in Education (physical, emotional, sexual, neglect,
 * self-harm, exploitation, forced marriage and FGM, radicalisation, online), not the development
 * set's wording. Written for the development set's 7 concerns, the first version caught 5 of 40
 * concerns worded afresh (and none of the questions that are not concerns). Each fresh batch was
 * scored before the lists were widened for it: concerns caught 10/10, 6/8, 5/10, 6/10 and 8/10;
 * other questions wrongly caught 4/10, 5/8, 2/10, 8/15 (mostly family news, which {@link
 * #FAMILY_NEWS} now passes) and, on the last batch with no change made after it, 6 of 10 remarks
 * about a child's family that ask nothing ("a boy told me his older brother got into
 * university"). Errors go that way on purpose: a remark sent to the DSL costs a moment, a
 * concern answered as a usage question could cost a child. Expect it to miss some concerns worded
 * in new ways, above all an account with no harm word and no one named ("she doesn't eat at home
 * because there's never any food"). An embedding similarity to typical disclosures did not
 * separate them better ("stepfather watches her get changed" 0.30, "his uncle supports arsenal"
 * 0.29). {@code SafeguardingCheckTest} holds every wording it gets right.
 */
final class SafeguardingCheck {

  /** Words that name a child, as alternatives for a pattern. */
  private static final String CHILD_WORDS =
      "pupils?|child|children|kids?|students?|tutees?|boys?|girls?|lads?|sons?|daughters?|reception|"
          + "y\\d{1,2}\\w*|year \\d{1,2}s?|year (one|two|three|four|five|six|seven|eight|nine|ten|eleven)s?|"
          + "one of (my|the) \\w+|tutor group|(in|from) my (class|form)";

  /** Words that place the concern on a child. */
  private static final Pattern CHILD = Pattern.compile("\\b(" + CHILD_WORDS + ")\\b");

  /** Signs of harm, abuse, neglect or exploitation. */
  private static final Pattern HARM =
      Pattern.compile(
          "\\b("
              // physical and emotional
              + "abus\\w*|hit(s|ting)?|hurt(s|ing)?|beat(s|en|ing)?|bruis\\w*|black eye|marks on|burns?|burnt|burned|"
              + "injur\\w*|slap\\w*|smack\\w*|kick(s|ed|ing)?|punch\\w*|belt|flinch\\w*|scared|scares|afraid|"
              + "frightened|terrified|threat\\w*|blackmail\\w*|unsafe|not safe|handprint|shouts at|screams at|throws things|"
              + "bite marks?|bitten|guns?|knife|knives|weapons?|cut lip|split lip|run away|runaway|"
              + "horrible|calls? (her|him|them) names|calling (her|him|them) names|cr(y|ies|ying) (every|all)|"
              + "(does ?n[o']?t|do ?n[o']?t|won'?t) (want to )?go home|scared to go home|locks? (him|her|them) in|locked in|"
              // neglect
              + "neglect\\w*|no food|hungry|starv\\w*|lost (loads of |a lot of )?weight|dirty|smells?|smelly|same clothes|"
              + "home alone|left alone|leaves? (him|her|them)|on (their|his|her) own|(has ?n[o']?t|not|never) eaten|no breakfast|"
              + "without a coat|sleeps? on the floor|no bed|no (electricity|heating)|cold all the time|"
              // sexual
              + "sexual\\w*|rape|raped|nudes?|naked|no clothes|clothes off|undress\\w*|same bed|private parts|groom\\w*|"
              + "inappropriate\\w*|"
              + "uncomfortable|touch(es|ed|ing)? (her|him|them|me)|kiss(es|ed|ing)? (her|him|them)|"
              + "makes? (him|her|them) do things|(takes?|taking|took) (pictures|photos|pics|videos|images) of (her|him|them)\\b|"
              + "in the (bath|shower)|"
              + "(photos|pictures|pics|videos|images) of (her|him|them)sel\\w*|"
              + "ask(s|ed|ing)? (her|him|them) for (photos|pictures|pics|nudes|images)|"
              // strangers, online and offline
              + "older (boys?|lads?|girls?|kids)|sweets|get in (his|her|the|a) car|"
              + "wants? to (meet|see) (her|him|them)|meet (up )?with (her|him)|keep (it|this|their chats?|a|them) private|"
              + "(their|our|a) secret|gift cards?|buys? (him|her|them) things|offered (him|her|them) (money|gifts?)|"
              + "asked (him|her|them) to (video call|call|meet|send)|"
              // self-harm
              + "self[- ]?harm\\w*|cutting (her|him|them)sel\\w*|cutting (her|his|their) (arms?|legs?|wrists?)|suicid\\w*|"
              + "end(ing)? it all|kill (her|him|them)sel\\w*|wants? to die|"
              // exploitation, marriage, extremism, domestic
              + "exploit\\w*|trafficked|county lines|drugs|gangs?|carry (packages|parcels|bags)|"
              + "forced marriage|(to be|to get|getting|be) married|fgm|cutting ceremony|special (ceremony|procedure)|"
              + "radicali[sz]\\w*|extremis\\w*|"
              + "domestic|drunk|drinking"
              + ")\\b");

  /** Someone telling, showing or noticing it, or voicing the concern. */
  private static final Pattern TOLD_OR_NOTICED =
      Pattern.compile(
          "\\b(told|tells|said|says|saying|disclosed|confided|whispered|showed me|asked me not to tell|"
              + "i (found|noticed|saw|'ve seen|have seen)|came in with|comes in with|(has|have) been coming in|"
              + "(has|have|had) (got )?(a |some )?(marks?|bruises?|burns?|cuts?|black eye|lost)|is always|keeps|wo ?n'?t say|"
              + "i think|i suspect|worried|concerned)\\b");

  /**
   * A question about what staff (or pupils) may do, or who or how to ask in general, which is not a
   * concern unless someone told or noticed something: "who do I report inappropriate messages
   * involving a child to?" asks for the policy's answer.
   */
  private static final Pattern ASKS_IN_GENERAL =
      Pattern.compile(
          "^(who|what|how|where|when|which)\\b|"
              + "\\b((can|could|may) (i|we|pupils|students|children|the kids|kids)|is it ok|is it okay|is it alright|am i allowed|"
              + "are we allowed|are (pupils|children|kids|students) allowed|do i need)\\b");

  /** A child asking the member of staff to keep something secret is a disclosure whatever it is about. */
  private static final Pattern SECRET =
      Pattern.compile("\\b(asked me not to tell|not to tell (anyone|mummy|mum|mommy|daddy|dad|her mum|his mum)|keep (it|this|a|their chats?) (a )?secret)\\b");

  /**
   * A child's own account ("a y2 lad told me his mum leaves him ...", "one of my girls says ..."):
   * about someone in the child's life and told as a statement rather than asked as a question
   * about what is allowed, it is a disclosure even in words the harm list does not know. A child's
   * account of a thing ("a pupil said the iPad won't charge") names no one, so is not.
   */
  private static final Pattern CHILD_TOLD =
      Pattern.compile("\\b(" + CHILD_WORDS + ")( \\w+){0,3} (told|tells|tell me|said|says|disclosed|confided|whispered)\\b");

  /** Someone in a child's life, at home, online or in school. */
  private static final Pattern SOMEONE =
      Pattern.compile(
          "\\b(mum|mums|mummy|mom|mommy|mother|dad|dads|daddy|father|step ?(mum|mom|mother|dad|father)|stepdad|stepmum|"
              + "parents?|brother|sister|uncle|aunt|auntie|cousin|grandad|grandpa|grandma|nan|nana|boyfriend|girlfriend|"
              + "partner|ex|man|woman|men|women|adult|adults|stranger|someone|somebody|people|teacher|coach|neighbou?r|"
              + "older|friend of)\\b");

  /** A question about what to do or allow, anywhere in the text ("..., can he bring it in"). */
  private static final Pattern QUESTION_PART =
      Pattern.compile(
          "\\b(can|could|may|should|do|does) (i|we|he|she|they|you)\\b|\\bhow (do|does|can)\\b|\\bis (that|it|this) (ok|okay|allowed|alright)\\b|"
              + "\\bwhat (checks|do|does|should|is|are)\\b|\\bwho (do|should|can|needs)\\b|\\bwhere (do|should|can)\\b");

  /**
   * Everyday family news a child passes on (a death, a new baby, a holiday, who collects them): told
   * about someone in the child's life, but no sign of harm, so not a disclosure on its own.
   */
  private static final Pattern FAMILY_NEWS =
      Pattern.compile(
          "\\b(died|passed away|funeral|having a baby|new baby|starting (in|at|school|reception|nursery)|collect(s|ing)? (him|her|them)|"
              + "holidays?|birthday|moving (house|to|away)|in the army|away for|visiting|disco|party|split up|divorc\\w*)\\b");

  /**
   * Technology and school business: a child's account of these ("someone hacked the class blog",
   * "his uncle wants to give a talk on e-safety") is news for a usage question, not a disclosure,
   * unless it also has a sign of harm.
   */
  private static final Pattern SCHOOL_THINGS =
      Pattern.compile(
          "\\b(ipads?|tablets?|laptops?|computers?|chargers?|wifi|passwords?|logins?|blogs?|websites?|apps?|email|e-?safety|"
              + "online|internet|dojo|class photo|photos?|videos?|films?|filming|assembly|trip|homework|talk)\\b");

  private SafeguardingCheck() {}

  static boolean isConcern(String question) {
    String q = VerdictReader.lower(question);
    if (!CHILD.matcher(q).find()) {
      return false;
    }
    if (SECRET.matcher(q).find()) {
      return true;
    }
    boolean general = ASKS_IN_GENERAL.matcher(q).find();
    if (HARM.matcher(q).find()) {
      return TOLD_OR_NOTICED.matcher(q).find() || !general;
    }
    return CHILD_TOLD.matcher(q).find() && SOMEONE.matcher(q).find() && !general && !QUESTION_PART.matcher(q).find()
        && !SCHOOL_THINGS.matcher(q).find() && !FAMILY_NEWS.matcher(q).find();
  }
}
