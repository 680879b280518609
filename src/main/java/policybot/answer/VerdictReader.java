package policybot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
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
              + "(must|should) be (approved|authori[sz]ed|agreed)|approved by|authori[sz]ed by|(?<!not )permitted by|when authori[sz]ed|"
              + "following agreement|if deemed necessary|deemed .?reasonable|in exceptional circumstances|"
              + "prior permission|has been given|is granted|been granted|except|in accordance with|"
              + "seek (parental |prior |their )?(consent|permission)|must be sought|with appropriate authority|"
              + "only be (used|taken|created)|but not|if .{0,30}necessary|ensur(e|ing) that|must ensure|should ensure|"
              // "the permission slips will indicate whether this is acceptable"
              + "whether (this|it|that) is (acceptable|allowed|permitted|appropriate))\\b");

  /**
   * "Ensure that" which leads to a prohibition ("Care should be taken to ensure that images of
   * children identified as at risk should not be taken"): what is ensured is that the thing is not
   * done, a no rather than a condition.
   */
  private static final Pattern ENSURE_NOT =
      Pattern.compile("\\bensur(e|ing)( that)?(?=[^.;]{0,80}?\\b(not|never)\\b)");

  /** Wording that forbids. */
  private static final Pattern PROHIBITION =
      Pattern.compile(
          "\\b(must not|must never|mustn't|may not|not permitted|not allowed|prohibited|forbidden|"
              + "should not|shouldn't|should never|never|do not|don't|will not|won't|under no circumstances|"
              + "not expected to|no (staff|user|one)\\b|cannot|can not|is not acceptable|are not to|"
              + "are asked not to|advised not to|not be used|must only|will only|should only|can only|may only|"
              + "is a disciplinary offence|strictly|only (these|this|the school.s|approved)|not for|"
              // "No passwords should be divulged", "There is no occasion when a password needs to be
              // shared", "make no reference to": "no" before the thing forbids it as surely as "not";
              // not "disguised so that no other person will be able to"
              + "(?<!that )(?<!so )no [\\w'-]+( [\\w'-]+)? (shall|should|must|may|will|can)|"
              + "there (is|are) no (occasion|circumstances?|situation|reason)|make no|"
              // "I will comply with the ICT system security and not disclose any passwords"
              + "and not (disclose|divulge|share|give|use|access|post|upload|download|install|send|take|bring|store|leave|reveal)|"
              // "only pre-registered users may post": whoever or whatever is not named may not
              + "only [^.;]{1,60}\\b(may|can))\\b");

  /**
   * Wording that allows. "Permission will be assumed" is opt-out consent: allowed unless someone
   * objects, which the question may say they have not.
   */
  private static final Pattern PERMISSION =
      Pattern.compile(
          "\\b(may(?! be (monitored|logged|subject|considered|made|deleted|harmed|tracked))|allowed|permitted|permits|"
              + "is allowed|are allowed|is acceptable|allows|"
              + "(permission|consent) (will|shall|is|can) (be )?(assumed|presumed|deemed (to be )?(given|granted)))\\b");

  /**
   * A permission held to a limit after it: "Filming and photography by parents ... are allowed, but
   * at the start of such events parents are reminded to only film their child and upload images of
   * their child only". Allowed within the limit, so conditional.
   */
  private static final Pattern ALLOWED_BUT_ONLY = Pattern.compile("\\b(may|allowed|permitted|allows)\\b[^.;]{0,120}\\bbut\\b[^.;]*\\bonly\\b");

  /**
   * The permitted alternative a prohibition names, up to a condition of its own: "other than through
   * the appropriate school learning platforms or other school systems approved by the Headteacher".
   */
  private static final Pattern ALTERNATIVE = Pattern.compile("\\bother than\\b((?!\\b(unless|without|except|if)\\b)[^;.,])*");

  /** A rule that limits use to the school's own things: "I will only use the school's email". */
  private static final Pattern SCHOOLS_OWN_ONLY =
      Pattern.compile("\\bonly (use |be used |access )?(the )?(school's|school-owned|school owned|approved|authori[sz]ed|official)\\b");

  /**
   * A rule against what is not for school ("any hardware or software that is not for educational
   * purposes"): its condition ("educational software must not be installed without seeking
   * permission") is for the school use it leaves, not for the thing forbidden.
   */
  private static final Pattern NOT_FOR_SCHOOL =
      Pattern.compile("\\b(not for (educational|school|work|professional|curriculum)|other than (for )?(educational|professional|school|curriculum))\\b");

  /** A rule against personal use alone: "These IPads must NEVER be used for personal use." */
  private static final Pattern AGAINST_PERSONAL_USE = Pattern.compile("\\bfor personal (use|purposes|business)\\b");

  /**
   * A question that says the thing is for school work: "so i can finish the learning journals",
   * "to do my marking", "i'd only use it for that".
   */
  private static final Pattern FOR_WORK =
      Pattern.compile(
          "\\b(finish|do|mark|write|update|complete|catch up on|work on|prepare)( off)? (my |the |our |some |their |the kids' )?"
              + "(marking|planning|reports?|learning journals?|assessments?|registers?|lesson plans?|school work|schoolwork)\\b|"
              + "\\bfor (all )?(our |my |the )?(work|school work|schoolwork|planning|marking|reports|lessons?|lesson plans?|teaching|learning journals|assessments?)\\b");

  /**
   * A rule whose one condition is a professional purpose, any other use needing someone's say:
   * "I will only use the school's email / Internet / Intranet / Google Drive ... for professional
   * purposes or for uses deemed reasonable by the Principal".
   */
  private static final Pattern ONLY_FOR_WORK =
      Pattern.compile("\\bonly\\b[^.;]{0,100}\\bfor (professional|educational|school) (purposes|use|business) or\\b");

  /**
   * Whether the question's own purpose meets the professional purpose {@code sentence} allows:
   * "a shared folder in the school google drive for all our lesson plans" is one.
   */
  static boolean meetsTheWorkPurpose(String question, String sentence) {
    return ONLY_FOR_WORK.matcher(lower(sentence)).find() && forWork(question);
  }

  /**
   * Whether {@code sentence} forbids only personal use and the question is about school work:
   * "can I take the class iPad home over the weekend so I can finish the learning journals?"
   * against "These IPads must NEVER be used for personal use." The rule does not reach the case.
   */
  static boolean forbidsPersonalUseOfWork(String question, String sentence) {
    return AGAINST_PERSONAL_USE.matcher(lower(sentence)).find() && forWork(question);
  }

  /** Whether the question says it is for school work ({@link #FOR_WORK}) and not for the asker's own enjoyment. */
  private static boolean forWork(String question) {
    String q = lower(question);
    return FOR_WORK.matcher(q).find() && !FOR_PLEASURE.matcher(q).find();
  }

  /** A question about something for the asker's own enjoyment: "a game just for me", "just for fun", "for my own use". */
  private static final Pattern FOR_PLEASURE =
      Pattern.compile("\\b(just for (me|fun|myself|a laugh)|for (my own|personal) (use|enjoyment)|not for (school|work|class|lessons|teaching))\\b");

  /**
   * Whether {@code sentence} forbids what is not for school and the question asks about something
   * for the asker's own enjoyment: then the sentence's condition, which is for school use, does
   * not apply, and "a game just for me" against "I will not install any hardware or software that
   * is not for educational purposes and educational software must not be installed without seeking
   * permission" is a no.
   */
  static boolean forbidsWhatIsAskedForPleasure(String question, String sentence) {
    return NOT_FOR_SCHOOL.matcher(lower(sentence)).find() && FOR_PLEASURE.matcher(lower(question)).find();
  }

  /**
   * A question about the asker's own thing ("my hotmail", "my own phone", "a personal laptop"), not
   * one the school provides ("my school laptop", "my class ipad").
   */
  private static final Pattern ASKER_OWN =
      Pattern.compile("\\b((my|our) own|personal|private|home|my (?!school|work|class|classroom|staff|pupils?|kids|children)[\\w']+)\\b");

  /**
   * A negative contraction typed without its apostrophe, as chat often is ("my stick isnt
   * encrypted", "i havent asked"): read as the contraction, so the negation counts. The pattern
   * opens with the literal "nt" and checks the word behind it after, so that a search through a
   * long clause jumps from one "nt" to the next instead of trying every word at every position:
   * about 0.5 µs a call on the sample policies' lines against 3.8 µs for the word list first.
   */
  private static final Pattern BARE_NEGATIVE_CONTRACTION =
      Pattern.compile("nt\\b(?<=\\b(?:is|are|was|were|do|does|did|has|have|had|could|should|would|must|need|wo|ca)nt)");

  /**
   * "whats the wifi password", typed in chat without the apostrophe, is still a what-question. Tried
   * only at an "s" ending a word, as {@link #BARE_NEGATIVE_CONTRACTION} is, since every sentence of
   * every cited clause passes through {@link #lower}.
   */
  private static final Pattern BARE_WH_CONTRACTION = Pattern.compile("s\\b(?<=\\b(?:what|where|who|how|when)s)");

  /**
   * Lower case with curly apostrophes made straight and negative contractions given their
   * apostrophe, as every pattern here (and SafeguardingCheck's) is written.
   */
  static String lower(String text) {
    String lowered = text.toLowerCase(Locale.ROOT).replace('’', '\'');
    lowered = BARE_WH_CONTRACTION.matcher(lowered).replaceAll("'s");
    return BARE_NEGATIVE_CONTRACTION.matcher(lowered).replaceAll("n't");
  }

  static boolean asksAboutOwn(String question) {
    return ASKER_OWN.matcher(lower(question)).find();
  }

  /** The alternative a prohibition allows instead ("other than through the school learning platforms"), if it names one. */
  static Optional<String> alternative(String sentence) {
    Matcher m = ALTERNATIVE.matcher(lower(sentence));
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

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
  private static final Pattern HYPOTHETICAL = Pattern.compile("^(what if|what about|how about)\\b");

  /**
   * A question that asks what else is needed or worth knowing: "anything I need to do first?", "do
   * they need anything else from me?". On the seventeen question sets (session 17) it turned three
   * conditional readings into the information expected, and changed no other verdict.
   */
  private static final Pattern ASKS_FOR_ANYTHING =
      Pattern.compile(
          "\\b(anything( else)? (i|we|you|they|he|she) (need|needs|should|must|have|has|ought)|(need|needs|want|wants) anything( else)?|"
              // "do i have to do anything else?", "should i do anything?"
              + "(have|need|got|ought) to do anything|should (i|we) do anything)\\b");

  /** Someone to go to, as a question puts it: "a particular person", "someone", "a contact". */
  static final String SOMEONE = "(particular |specific |named |certain |main )?(person|someone|somebody|anyone|anybody|member of staff|contact)";

  /**
   * A question asking who, put as whether there is someone: "is there a particular person I should
   * go to with questions?", "do we have someone to ask about this?". Answered by the clause naming
   * the person, for information.
   */
  private static final Pattern ASKS_FOR_SOMEONE =
      Pattern.compile("\\b(is there|do we have|have we got|does the school have) (a |an |any )?" + SOMEONE + "\\b");

  /** A question asking what to do: "what should I do?", "what do we do now?", "what now?". */
  private static final Pattern ASKS_WHAT_TO_DO =
      Pattern.compile("\\bwhat (should|do|must|shall|would|can) (i|we) (do|be doing)\\b|\\bwhat now\\b|\\bwhat are (my|our|the) (options|next steps)\\b");

  /**
   * Where, when, how long or how many: "where are visitors allowed to use their phones?" wants a
   * place and "how long can I keep the data on my laptop?" a time, not a yes or a no, though they
   * say "allowed to" or "can I".
   */
  private static final Pattern PLACE_OR_TIME = Pattern.compile("(where|when|how (long|often|soon|many|much))\\b");

  /**
   * A question about whether something is allowed held inside another question: "whose job is it
   * to check if I'm allowed to use pics I find online?" asks who, not whether.
   */
  private static final Pattern EMBEDDED_WHETHER =
      Pattern.compile("\\b(check|checks|checking|know|find out|decide|decides|deciding|say|says|confirm|confirms|clarify|sure) (if|whether)\\b[^?]*");

  private static final Pattern WH_OPENING = Pattern.compile("(who|what|when|where|which|how|why|whose|whom)\\b");

  /** Words inside a question that ask for permission, whatever the question opens with. */
  private static final Pattern ASKS_PERMISSION =
      Pattern.compile(
          "\\b(can i|can we|could i|may i|am i allowed|are we allowed|is (it|that|this) (ok|okay|alright|allowed|acceptable)|"
              + "allowed to|permitted to|ok to|okay to|ok if|okay if|"
              // "one of the dads asked if he can video the nativity"
              + "(if|whether) (he|she|they|we|i|parents?|a parent|someone|anyone) (can|could|may)\\b)\\b");

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
    // "will I have to pay for it?" asks who bears a cost, not whether something is allowed: "You
    // will be liable for a replacement if due care has not been taken" is information, not a no
    if (AnswerType.WHO_PAYS.askedFor(question)) {
      return true;
    }
    String q = lower(question).strip();
    // "ok what about one just for fun?" puts a case as much as "what about one just for fun?"
    if (HYPOTHETICAL.matcher(LEAD_IN.matcher(q).replaceFirst("")).find()) {
      return false;
    }
    // "do they need anything else from me?", "anything I should know?", "a parent has messaged me
    // on facebook, what should i do?": asks what to do, though it may open like a yes/no question
    // or hold its "should i"
    if ((ASKS_FOR_ANYTHING.matcher(q).find() || ASKS_WHAT_TO_DO.matcher(q).find() || ASKS_FOR_SOMEONE.matcher(q).find())
        && !ASKS_PERMISSION.matcher(q).find()) {
      return true;
    }
    // "can any parent just post on the school twitter page or how does that work?", "do i just
    // mention it to the head or is there more to it?": the question ends by asking how things go
    if (HOW_IT_GOES.matcher(q).find()) {
      return true;
    }
    // "Someone has posted an abusive comment on our page. What should I do?", "not sure if it's
    // allowed - who should I check with?": what is asked is the last question, after the account.
    // But "can I put a maths game on the class laptops? who do I need to ask" asks for permission
    // first, and whom to ask follows from the answer: only with the Head's permission. The same
    // for "parents keep asking if they're allowed to film the nativity, what do I tell them?"
    // (after "can I ...?", whom to ask was one more verdict right on the read sets in session 17;
    // widened to any question after an account that asks permission in session 19)
    String last = lastQuestion(q);
    String account = q.substring(0, q.length() - last.length());
    // "if im unsure about something in it who should i talk to?": the case comes first, the question after it
    last = CASE_FIRST.matcher(last).replaceFirst("");
    if (!last.equals(q) && WH_OPENING.matcher(last).lookingAt() && (!ASKS_PERMISSION.matcher(last).find() || PLACE_OR_TIME.matcher(last).lookingAt())
        && !HYPOTHETICAL.matcher(last).find() && !ASKS_PERMISSION.matcher(account).find()) {
      return true;
    }
    String opening = LEAD_IN.matcher(q).replaceFirst("");
    if (YES_NO_QUESTION.matcher(opening).lookingAt()) {
      return false;
    }
    if (ASKS_PERMISSION.matcher(EMBEDDED_WHETHER.matcher(q).replaceAll(" ")).find() && !PLACE_OR_TIME.matcher(opening).lookingAt()) {
      return false;
    }
    if (WH_OPENING.matcher(opening).lookingAt()) {
      return true;
    }
    return INFO_QUESTION.matcher(q).find() && !YES_NO_QUESTION.matcher(q).find();
  }

  /** A case put before a question's own opening: "if I'm unsure about something, who should I talk to?". */
  private static final Pattern CASE_FIRST =
      Pattern.compile("^(if|when|whenever|in case) [^?]*?(?=\\b(who|what|where|how) (do|does|should|can|would|must|shall|am|is|are) (i|we)\\b)");

  /** A question's closing request for how things go: "or how does that work?", "or is there more to it?". */
  private static final Pattern HOW_IT_GOES =
      Pattern.compile("\\b(how does (that|it|this) (all )?work|is there more to it|what('s| is) the (process|procedure))\\W*$");

  /** Conversational words before a question's own opening, one or several: "ok so who do I ask?". */
  private static final Pattern LEAD_IN = Pattern.compile("^((so|and|but|or|ok|okay|right|then),? )+");

  /**
   * Where a message's account of what happened ends and its question begins: a sentence end, a
   * dash, or a comma before a question word and its verb.
   */
  private static final Pattern QUESTION_START =
      Pattern.compile(
          "(?:[.?!]+|\\s[-–—]+)\\s+(?=\\S)"
              // "want to install a phonics game on the class computer, who do I need to ask?"
              + "|,\\s+(?=(who|what|when|where|which|how) (do|does|did|is|are|was|were|can|could|should|would|will|must|shall|am|have|has)\\b)");

  /** Whether a message ends in a yes/no question of its own after an opening: "what about the kids - can they keep theirs in their bags?". */
  static boolean endsInYesNoQuestion(String question) {
    String q = lower(question).strip();
    String last = lastQuestion(q);
    return !last.equals(q) && YES_NO_QUESTION.matcher(last).lookingAt();
  }

  /** The last sentence of a message, without any opening "so" or "and"; the whole message when it is one sentence. */
  private static String lastQuestion(String q) {
    Matcher m = QUESTION_START.matcher(q);
    int start = 0;
    while (m.find()) {
      start = m.end();
    }
    return LEAD_IN.matcher(q.substring(start)).replaceFirst("");
  }

  /** The verdict {@code question} gets from {@code sentence}, the clause sentence that answers it: info for an information question. */
  static Verdict read(String question, String sentence) {
    return isInformationQuestion(question) ? Verdict.INFO : readYesNo(question, sentence);
  }

  /**
   * The verdict a question already known to be yes/no gets from {@code sentence}: for callers that
   * read several sentences for one question, which need not tell its kind again for each.
   */
  static Verdict readYesNo(String question, String sentence) {
    if (lacksWhatIsRequired(question, sentence)) {
      return Verdict.NO;
    }
    return ruleIn(sentence, question);
  }

  /** What {@code sentence} says of the thing the question asks about: allowed, forbidden, conditional or nothing. */
  private static Verdict ruleIn(String sentence, String question) {
    String s = lower(sentence);
    boolean forbids = PROHIBITION.matcher(s).find();
    // "must not communicate via web 2 technologies, other than through school systems approved by
    // the Headteacher": the approval is for the alternative, not for what is forbidden
    boolean conditions = CONDITIONAL.matcher(ENSURE_NOT.matcher(ALTERNATIVE.matcher(s).replaceAll(" ")).replaceAll(" ")).find()
        || ALLOWED_BUT_ONLY.matcher(s).find();
    if (conditions && forbids && SCHOOLS_OWN_ONLY.matcher(s).find() && asksAboutOwn(question)) {
      return Verdict.NO;
    }
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

  /**
   * What a question says is missing: "a pen drive that's not encrypted", "an unencrypted stick",
   * "without encrypting it", "if I don't tell the head".
   */
  private static final Pattern LACKING =
      Pattern.compile("(?:(?:\\bnot|n't|\\bnever|\\bwithout) (?:be |being |been |a |an |the |any )?([a-z]{4,})|\\bun([a-z]{3,}ed))\\b");

  /** Words after "not" that say how sure or allowed the asker is, not what the thing lacks. */
  private static final Pattern NOT_A_QUALITY =
      Pattern.compile("sure|certain|allowed|permitted|able|really|just|only|even|always|quite|exactly|necessarily|needed|meant|supposed");

  /** A word's stem for matching "encrypted" with "encrypt" and "encrypting". */
  private static String stem(String word) {
    return word.replaceFirst("(ing|ed|es|s)$", "");
  }

  /**
   * Whether the question says the thing lacks what {@code sentence} requires of it: "memory sticks
   * should also be encrypted" asked about "a pen drive that's not encrypted" is a no, whatever else
   * the sentence allows.
   */
  static boolean lacksWhatIsRequired(String question, String sentence) {
    String s = lower(sentence);
    return lackedStems(question).stream().anyMatch(stem -> requires(s, stem));
  }

  /** The stems of what the question says is missing ({@link #LACKING}), leaving out how sure or allowed the asker is. */
  private static List<String> lackedStems(String question) {
    List<String> out = new ArrayList<>();
    Matcher lacking = LACKING.matcher(lower(question));
    while (lacking.find()) {
      String word = lacking.group(1) != null ? lacking.group(1) : lacking.group(2);
      String stem = stem(word);
      if (stem.length() >= 4 && !NOT_A_QUALITY.matcher(word).matches()) {
        out.add(stem);
      }
    }
    return out;
  }

  /**
   * Whether {@code sentence} requires what begins with {@code stem}: "memory sticks should also be
   * encrypted" requires "encrypt", "must not be encrypted" does not.
   */
  private static boolean requires(String sentence, String stem) {
    Pattern word = Pattern.compile("\\b" + Pattern.quote(stem));
    return requiredSpans(sentence).stream().anyMatch(span -> word.matcher(span).find());
  }

  /** Wording that requires what follows it, not "must not" or "should never". */
  private static final String REQUIRING = "\\b(must|should|shall|needs? to|has to|have to|(is|are) (required|expected) to|(is|are) to|^please)\\b(?! not| never)";

  /**
   * The 40 characters after a "must" or "should", to the end of the word they stop in and not past
   * the sentence's ";" or ".". Read ahead, so a second "should" inside them has its own.
   */
  private static final Pattern REQUIRED_SPAN = Pattern.compile(REQUIRING + "(?=((?:(?![.;]).){0,40}\\w*))");

  /** The words within reach of each "must" or "should" of {@code sentence}: what it requires. */
  static List<String> requiredSpans(String sentence) {
    List<String> out = new ArrayList<>();
    Matcher m = REQUIRED_SPAN.matcher(lower(sentence));
    while (m.find()) {
      out.add(m.group(m.groupCount()));
    }
    return out;
  }

  /** A question that itself leaves out the condition: "can I post them without the head's consent?". */
  private static final Pattern WITHOUT_THE_CONDITION =
      Pattern.compile(
          "\\bwithout (asking|checking|telling|permission|consent|approval|agreement|getting|seeking|their|the|his|her|my)\\b");

  /**
   * A question that says the condition was refused: "a mum said no on the photo consent form",
   * "the parents haven't given consent", "she has a no-photos form", "mum doesn't want his picture
   * taken", "didn't tick the box for dojo". Not "never sent the form back": some policies take
   * silence as consent.
   */
  private static final Pattern CONDITION_REFUSED =
      Pattern.compile(
          "\\b(said no|(ticked|ticks|put|circled|marked|chose|picked|selected) (the )?no|refused|refuses|declined|declines|objected|objects|opted out|withdr(ew|awn))\\b|"
              + "(\\bnot|n't|\\bnever) (give|given|gave|grant|granted|agree|agreed|consent|consented)\\b|\\bno (permission|consent)\\b|"
              + "\\bno[- ](photos?|pictures?|pics|images?|filming|videos?)\\b|"
              + "(\\bnot|n't) want (\\w+ ){0,4}?(photos?|pictures?|pics|images?|filmed|photographed|videos?|"
              + "on (the )?(school'?s? |class )?(website|facebook|internet|social media|dojo|class story))\\b|"
              // "didn't tick the box for dojo": where parents are asked to sign if they agree
              + "(\\bnot|n't|\\bnever) (tick|ticked|sign|signed)( the| a| any)?( \\w+)? (box|consent)\\b");

  /**
   * Whether the question asks about doing the thing without meeting the condition a rule sets, or
   * says the condition was refused, so that "only with permission" answers it with a no.
   */
  static boolean skipsTheCondition(String question) {
    String q = lower(question);
    return WITHOUT_THE_CONDITION.matcher(q).find() || CONDITION_REFUSED.matcher(q).find();
  }

  /** The case a rule is put in: "If staff feel it necessary to use personal telephones for urgent pastoral contacts", "in urgent cases". */
  private static final Pattern CASE_PUT = Pattern.compile("\\b(if|when|where|unless|in)\\b[^,;.]*");

  /**
   * Whether the question says it is not in the case a rule is put in: "and if it's not urgent?"
   * against "If staff feel it necessary to use personal telephones for urgent pastoral contacts,
   * they should ...". What the rule allows in its case it does not allow outside it.
   */
  static boolean deniesTheCase(String question, String sentence) {
    List<String> cases = CASE_PUT.matcher(lower(sentence)).results().map(MatchResult::group).toList();
    return lackedStems(question).stream()
        .map(stem -> Pattern.compile("\\b" + Pattern.quote(stem)))
        .anyMatch(named -> cases.stream().anyMatch(c -> named.matcher(c).find()));
  }

  /** A sentence that opens by softening the rule before it: "However, in urgent cases ...". */
  private static final Pattern RELAXING_OPENING = Pattern.compile("^(however|but|except|exceptionally)\\b");

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

  /** An "unless" or "except" and the words it governs, up to the end of its clause. */
  private static final Pattern UNLESS = Pattern.compile("\\b(unless|except (when|on|in|for|during|if))\\b([^.;)]*)");

  /** Words that make an exception someone's say-so rather than a circumstance. */
  private static final Pattern SAY_SO =
      Pattern.compile("\\b(permi\\w*|consent\\w*|agree\\w*|approv\\w*|authori\\w*|discretion|necessary|arrang\\w*|allow\\w*|grant\\w*|deemed|request\\w*|ask\\w*|sought)\\b");

  /**
   * The circumstance a prohibition is lifted in, when that is its only condition: "The schools
   * digital cameras must not leave the school setting (unless on an educational visit)" gives "on
   * an educational visit". Not for an exception that is someone's say-so ("unless prior permission
   * has been granted"), which leaves the rule conditional.
   */
  static Optional<String> circumstance(String sentence) {
    String s = lower(sentence);
    Matcher m = UNLESS.matcher(s);
    if (!PROHIBITION.matcher(s).find() || !m.find()) {
      return Optional.empty();
    }
    String words = m.group(3);
    String rest = s.substring(0, m.start()) + " " + s.substring(m.end());
    if (SAY_SO.matcher(words).find() || CONDITIONAL.matcher(rest).find() || words.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(words);
  }

  /**
   * What a question says is absent: "no kids about", "without any pupils around", "when there are
   * no children in", "when the kids are out". The asker is outside what a permission leaves out ("but NOT ... in the
   * presence of students"), not in it.
   */
  private static final Pattern SAYS_ABSENT =
      Pattern.compile("\\b(no|without( any| the)?|when there are no) ([a-z]+ ){0,1}[a-z]+\\b|\\b[a-z]+ (are|is) (out|away|gone|not (in|here|there|around|about))\\b");

  /** The question without the things it says are absent, for what a permission leaves out. */
  static String withoutAbsent(String question) {
    return SAYS_ABSENT.matcher(lower(question)).replaceAll(" ");
  }

  /** A rule for new people only: "communications with new parents", "new staff must". */
  private static final Pattern FOR_NEW = Pattern.compile("\\bnew (parents?|carers?|families|pupils?|children|staff|members?|starters?|contacts?)\\b");

  /** Whether {@code sentence} speaks only of new people ("engage in communications with new parents"). */
  static boolean limitsToNew(String sentence) {
    return FOR_NEW.matcher(lower(sentence)).find();
  }

  /** What a permission leaves out: "may use school computers for limited personal use, but NOT during contact time or in the presence of students". */
  private static final Pattern LEFT_OUT = Pattern.compile("\\bbut not\\b([^.;]*)");

  /** The words of what a permission leaves out with "but not", if it leaves anything out. */
  static Optional<String> leftOut(String sentence) {
    String s = lower(sentence);
    Matcher m = LEFT_OUT.matcher(s);
    return m.find() && PERMISSION.matcher(s.substring(0, m.start())).find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Where a sentence joins two rules: "No passwords should be divulged | and memory sticks should
   * also be encrypted". The second half must have its own modal within a few words of "and".
   */
  private static final Pattern SECOND_RULE =
      Pattern.compile("(;\\s+|,?\\s+and\\s+)(?=([\\w'/-]+\\s+){0,3}(must|should|shall|will|may|can|cannot)\\b)");

  /** A modal that makes a stretch of words a rule of its own. */
  private static final Pattern MODAL = Pattern.compile("\\b(must|should|shall|will|may|can|cannot|are|is)\\b");

  /**
   * The rules {@code sentence} joins, each with its own modal; the whole sentence when it states
   * one rule, or when a part would have no modal of its own ("Staff, Governors and visitors will").
   */
  static List<String> conjuncts(String sentence) {
    List<String> out = new ArrayList<>();
    Matcher m = SECOND_RULE.matcher(sentence);
    int start = 0;
    while (m.find()) {
      String part = sentence.substring(start, m.start());
      if (MODAL.matcher(part.toLowerCase(Locale.ROOT)).find()) {
        out.add(part);
        start = m.end();
      }
    }
    out.add(sentence.substring(start));
    return out;
  }

  /**
   * A sentence that goes on about the one before it: "Each class has iPads for this purpose. These
   * iPads must never be used for personal use." The rule it states is about the same thing.
   */
  private static final Pattern CONTINUATION = Pattern.compile("^(these|this|those|such|they|it|that)\\b");

  /** Whether {@code sentence} opens by pointing back at the sentence before it. */
  static boolean continues(String sentence) {
    return CONTINUATION.matcher(sentence.toLowerCase(Locale.ROOT).strip()).lookingAt();
  }

  /** Wording that tells staff what to bear in mind rather than what to do: "need to be aware that". */
  private static final Pattern AWARENESS =
      Pattern.compile("\\b((be|are|is) aware (that|of)|understand that|bear in mind|note that|remember that)\\b");

  /** The case a warning supposes: "if personal email, internet ... are accessed in school" up to its comma. */
  private static final Pattern SUPPOSITION = Pattern.compile("\\bif\\b([^,;.]+)");

  /** Words that deny something happened: "never sent back", "does not return", "hasn't". */
  private static final Pattern DENIAL = Pattern.compile("\\b(not|never|no|nobody|none|without)\\b|n't\\b");

  /**
   * Whether a question is in the case a sentence supposes as far as denial goes: "a parent never
   * sent back the form" is in "If a parent/guardian does not return a non-consent form ...", "a
   * mum sent back the non-consent form" is not.
   */
  static boolean sameDenial(String question, String supposed) {
    return DENIAL.matcher(lower(question)).find() == DENIAL.matcher(lower(supposed)).find();
  }

  /** The words of the case {@code sentence} supposes with "if", when it supposes one. */
  static Optional<String> supposition(String sentence) {
    Matcher m = SUPPOSITION.matcher(lower(sentence));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /**
   * Words that ask what is allowed or what to do ("can I", "should I", "is that ok"), as opposed to a
   * yes/no question about how things stand ("is that an issue for work?").
   */
  private static final Pattern ASKS_WHAT_IS_ALLOWED =
      Pattern.compile(
          "\\b((can|could|may|might|should|shall|must) (i|we|you|staff|parents|pupils|they|he|she|anyone|someone|teachers)|"
              + "allowed|permitted|ok|okay|alright|acceptable|do i (need|have)|need to ask)\\b");

  /**
   * A yes/no question whether the school watches what staff do, or someone else can see it: "does
   * anyone actually check what sites we go on?", "can the school see my emails?", "will they
   * know?", "could that parent actually end up seeing it?".
   */
  private static final Pattern ASKS_IF_WATCHED =
      Pattern.compile(
          "\\b(does|do|will|would|can|could|might|is|are) (anyone|anybody|someone|somebody|the school|school|they|it|the head|it support|the council|"
              + "(that|the|a) parent|parents|my (line manager|boss|head))"
              + "( \\w+)? (actually |really |ever )?(end up |get to )?(check\\w*|monitor\\w*|see|seeing|track\\w*|look at|read|know|find out|log\\w*|record\\w*|watch\\w*)\\b");

  /**
   * Words saying that what staff do is watched or can be shown to others: "can be monitored and
   * logged", "can also be made available, on request, to your Line Manager", "school data,
   * including emails, is open to Subject Access Requests".
   */
  private static final Pattern SAYS_WATCHED =
      Pattern.compile("\\b(monitor\\w*|logged|tracked|recorded|checked|audited|made available|subject access)\\b");

  /**
   * Whether {@code question} asks if the school watches what staff do and {@code sentence} says it
   * does or may: "I understand that all my use of the Internet ... can be monitored and logged"
   * answers "does anyone actually check what sites we go on?" with a yes, though it sets no rule.
   */
  static boolean answersIfWatched(String question, String sentence) {
    return asksIfWatched(question) && SAYS_WATCHED.matcher(lower(sentence)).find();
  }

  /** Whether {@code question} asks if what staff do is watched or can be seen by others ({@link #ASKS_IF_WATCHED}). */
  static boolean asksIfWatched(String question) {
    return ASKS_IF_WATCHED.matcher(lower(question)).find();
  }

  /** Whether the question asks what may or must be done rather than how things stand. */
  static boolean asksWhatIsAllowed(String question) {
    return ASKS_WHAT_IS_ALLOWED.matcher(lower(question)).find();
  }

  /**
   * Whether {@code sentence} makes staff aware of something ("your reputation could be harmed by
   * what others share about you online") without allowing or forbidding anything.
   */
  static boolean warns(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT);
    return AWARENESS.matcher(s).find() && ruleIn(sentence, "") == Verdict.INFO;
  }

  /** Whether a sentence states a rule at all (used to prefer rule sentences as highlights). */
  static boolean isRule(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT);
    return PROHIBITION.matcher(s).find() || CONDITIONAL.matcher(s).find() || PERMISSION.matcher(s).find()
        || s.contains("must") || s.contains("should");
  }
}
