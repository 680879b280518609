package policybot.answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import policybot.corpus.Clause;
import policybot.index.Audience;
import policybot.index.Hit;

/**
 * What kind of answer a question wants, where the kind can be checked in a clause's words; clauses
 * close in meaning that lack it cannot settle the question, however high the confidence score.
 *
 * <ul>
 *   <li>How long, how often or what time wants a time ("bi-annually", "for 12 months", "Sept
 *       2025"), how many a number: "how long do we keep photos of leavers?" is not settled by
 *       "Images will only be taken, stored and used for purposes within school", nor "how long do
 *       we keep CCTV footage?" by "the data protection act of 1998".
 *   <li>What happens then wants a consequence or a next step: "what happens if I lose a school USB
 *       stick?" is not settled by "Should use secure portable media (eg USB stick) provided by the
 *       school".
 *   <li>What pupils or parents may do wants a rule for them: "are pupils allowed to use their own
 *       phones in lessons?" is not settled by a staff rule that shares its words ("[Members of
 *       staff] are not permitted to use personal digital equipment, such as mobile phones ..."),
 *       nor "parents keep asking if they can film the Christmas concert, are they allowed?".
 *   <li>Who pays wants a word about paying: "do I have to pay if the school laptop gets nicked?" is
 *       not settled by "If the iPad is lost, stolen, or damaged, the Head Teacher must be notified".
 *   <li>Whether the school has something wants a clause saying it has, provides or runs it: "are
 *       there CCTV cameras in the playground?" is not settled by "Events such as Sports Day ... may
 *       be recorded by video". The policies state rules, not facilities: of the 9 "is there" or
 *       "are there" questions in the five read sets, 8 are ones the policies do not settle and the
 *       ninth asks "is there more to it?". The sentence saying so must name the thing asked
 *       about: "is there a school mobile I can take on trips?" is not settled by "Each class has
 *       iPads specifically for this purpose".
 *   <li>How to go about something wants a sentence giving a route (whom to tell or ask, a form)
 *       that names the thing: "how do I report a scam email?" is not settled by "report any
 *       incidents of concern ... to the Head".
 *   <li>A phone number or an address wants one: "what's the number for the ICT helpdesk?" is not
 *       settled by "virus outbreaks are to be reported to the ICT Helpdesk".
 *   <li>Whether something has to be done wants a clause naming it: "does my memory stick need to
 *       be encrypted?" is not settled by a clause on taking work home that never says "encrypt".
 *   <li>Which of two things wants a clause naming one of them: "are we supposed to use Teams or
 *       Zoom for the live lessons?" is not settled by a clause on remote learning that names
 *       neither.
 * </ul>
 *
 * Such questions go to the head. Of the 74 unanswerable questions in the four question sets whose
 * misses have been read these checks give the reason for 23, and for no answerable one.
 */
final class AnswerType {
  /**
   * Questions that want a time: how long, how often, how soon or how quickly, when by, what or
   * whether there is a deadline, what time or date.
   */
  private static final Pattern ASKS_FOR_TIME =
      Pattern.compile(
          "\\b(how (long|often|soon|fast|quick|quickly)|how much (notice|warning)|what time|by when|what date|which date|"
              // asked for, not "messaging me about the coursework deadline"
              + "(what|when)('s| is| are)? (the |a )?(deadline|time limit)|(is|are) there (a |any )?(deadline|time limit)|"
              + "(every|each) (day|week|month|term|year|academic year))\\b");

  /** Questions that want a number: how many, how much, how old, the minimum or maximum length. */
  private static final Pattern ASKS_FOR_NUMBER =
      Pattern.compile("\\b(how (many|much|old)|what age|(minimum|maximum|min|max) (number|length|size|amount|age))\\b");

  /** "once" as a count, not the conjunction of "Once you have read and understood both". */
  private static final String ONCE = "once(?! (you|we|they|it|i|he|she|the|a|an|staff|this|that|pupils|children|parents)\\b)";

  /**
   * Words that give a time: a frequency ("bi-annually", "twice"), a span with a number or "every"
   * before it ("for two years", "every term", "within a week"), a month, a clock time, or "as soon
   * as". A unit of time alone is not one, nor a bare number: "sports days", "each class" and "the
   * data protection act of 1998" give no time.
   */
  private static final Pattern GIVES_TIME =
      Pattern.compile(
          // not "our daily lives", "our daily working life": an adjective for life gives no time
          "\\b(" + ONCE + "|twice|hourly|daily(?! (life|lives|working))|weekly|fortnightly|monthly|termly|yearly|annual|annually|bi-annual|bi-annually|"
              + "biannual|biannually|immediately|as soon as|straight away|at once|o'clock|"
              + "january|february|april|june|july|august|september|sept|october|november|december)\\b|"
              + "\\b\\d{1,2}([:.]\\d\\d)? ?(am|pm)\\b|\\b\\d{1,2}:\\d\\d\\b|"
              + "\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
              + "hundred|a|an|each|every|per|within|several|few|the following)( \\w+)? "
              + "(seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|terms?)\\b");

  /** Words that give a number: a digit that is not a year group ("Y6", "year 6"), or a number in words. */
  private static final Pattern GIVES_NUMBER =
      Pattern.compile(
          // not a year ("the data protection act of 1998")
          "(?<!year )\\b(?!(19|20)\\d\\d\\b)\\d+(st|nd|rd|th|s)?\\b|\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|"
              + "twenty|thirty|forty|fifty|sixty|hundred|" + ONCE + "|"
              + "twice|single|no more than|at most|up to)\\b");

  /**
   * Questions that want a consequence or what follows: "what happens if I lose a school USB stick?".
   * Not "what happens with the children's phones when they arrive?", which asks how a thing is
   * handled, as a rule answers it.
   */
  private static final Pattern ASKS_FOR_CONSEQUENCE =
      Pattern.compile(
          "\\b(what (happens|will happen|would happen)(?! with\\b)|what are the consequences|(will|would) i (get|be) in trouble|am i in trouble|on the hook)\\b");

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

  /**
   * Questions that ask who pays: "do I have to pay for a new one?", "will I be charged?", "who pays
   * for the repair?", "do I get paid extra?". Read as information, not permission.
   */
  private static final Pattern ASKS_WHO_PAYS =
      Pattern.compile(
          "\\b((do|would|will|should|must|could) (i|we|they|staff|you|he|she) (have to |need to |be expected to )?"
              + "(pay|be charged|be fined|cover the cost)|(am|are|is) (i|we|they|he|she) (going to|gonna) (have to )?(pay|be charged|be fined)|"
              // "will whoever dropped it have to pay?", "or are we expected to buy our own?"
              + "(will|would|do|does) ([\\w']+ ){1,3}(have|need) to pay\\b|(buy|purchase|pay for) (our|my|their|your) own|(are|am|is) (we|i|staff|they) (expected|meant|supposed) to (buy|pay|purchase)|who pays|who('s| is| would be) paying|(get|be) paid|"
              + "out of (my|our|their) own pocket)\\b");

  /**
   * Questions that ask whether the school or an insurer bears a loss: "will school cover it?", "am
   * I insured?". They want the same words as {@link #ASKS_WHO_PAYS}, but read as yes/no: "The
   * school is not responsible for the loss, damage or theft of any personal mobile device" is a no.
   */
  private static final Pattern ASKS_IF_COVERED =
      Pattern.compile(
          "\\b((will|would|does|do|should|can) (the )?(school|they|it|anyone|insurance) (cover|pay for|replace|reimburse)|"
              + "(am i|are we|is it|is that|are they) (covered|insured)|who (covers|replaces|reimburses))\\b");

  /**
   * Words that say who pays: "liable", "the cost of replacement", "charged", "insurance", "not
   * responsible for the loss, damage or theft".
   */
  private static final Pattern GIVES_WHO_PAYS =
      Pattern.compile(
          "\\b(pay|pays|paid|paying|payment|costs?|charged?|charges|liable|liability|replace|replaced|replacement|insurance|insured|"
              + "expenses?|fees?|reimburs\\w*|financial\\w*|salary|overtime|responsib\\w+ for (the |any )?(loss|damage|theft))\\b");

  /**
   * Questions that ask whether the school has or runs something: "is there a school mobile I can
   * take on trips?", "are there CCTV cameras in the playground?", "is there e-safety training
   * every year?". Not "is there a problem if ...", "is there a rule about ...", "is there more to
   * it?", which ask about the rules.
   */
  private static final Pattern ASKS_IF_IT_EXISTS =
      Pattern.compile(
          "\\b(is|are) there (?!(a |an |any |some )?(problem|issue|rule|rules|policy|reason|way|more|anything|something|"
              + "harm|risk|chance|limit to what|" + VerdictReader.SOMEONE + ")\\b)"
              + "(a |an |any |some )?\\w+");

  /**
   * Words that say the school has, provides or runs something: "where the school provides mobile
   * technologies", "each class has iPads", "training will be provided", "are available".
   */
  private static final String EXISTENCE_WORDS =
      "\\b(provides?|provided|providing|has|have|offers?|offered|available|in place|runs?|held|installed|issued|"
          + "there (is|are|will be))\\b";

  private static final Pattern GIVES_EXISTENCE = Pattern.compile(EXISTENCE_WORDS);

  /**
   * Questions that ask how to go about something: "how do I report a scam email?", "what's the
   * procedure for giving a child their medicine?". The policies give routes (whom to ask or tell,
   * a form), not procedures: of the 9 such questions in the five read sets, 7 are ones they do not
   * settle, and the other two are short follow-ups ("how do I ask?").
   */
  private static final Pattern ASKS_FOR_PROCEDURE =
      Pattern.compile(
          "\\bhow (do|can|should|would) (i|we) (report|ask|request|apply|book|get|find out|check|contact|raise|log|flag|tell|let)\\b|"
              + "\\b(procedure|process) (for|when|if)\\b|\\bwhat('?s| is) the (procedure|process)\\b");

  /** Words that give a route: whom to tell or ask, whose permission, a form, a channel. */
  private static final String ROUTE_WORDS =
      "\\b(report(s|ed)?( it| this| them| any \\w+)? to|contact\\w*|inform\\w*|notif\\w*|speak to|talk to|refer(red)? to|ask\\w*|"
          + "permission|consent|through|via|in writing|forms?|(must|will) be (reported|logged|recorded)|being (reported|logged|recorded)|seek\\w*|sought|approv\\w*|(?<!use )agreement)\\b";

  /**
   * Questions that ask for a contact detail: "what's the number for the ICT helpdesk?", "does
   * anyone have the LADO phone number?". Not "can I give my mobile number to parents?", which asks
   * what is allowed. The policies name people and roles, not their numbers or addresses: none of
   * the five sample policies gives a phone number or an email address. Nor a code: "whats the
   * staff wifi password?" is not answered by "Only disclose your personal password to authorised
   * ICT support staff".
   */
  private static final Pattern ASKS_FOR_CONTACT =
      Pattern.compile(
          "\\b(what('?s| is| are)|does anyone (have|know)|has anyone got|who has|who knows|where (do|can|would) i find|"
              + "do we have) (the |a |their |our |his |her |its )?([\\w'/-]+ ){0,3}?"
              + "(phone number|telephone number|contact number|number for|extension|email address|e-mail address|"
              + "contact details|web address|website address|"
              // a credential: the policies say how to keep passwords, never what one is
              + "(wifi|wi-fi|wireless|network|guest|staff|visitor) (password|code|key)|password for|door code|alarm code|code for)\\b");

  /**
   * Words that give a contact detail: a phone number, an extension, an email or web address. A
   * bare number needs five digits, so a year ("Review date Sept 2024") is not one.
   */
  private static final Pattern GIVES_CONTACT =
      Pattern.compile("\\b0\\d{2,4}[ -]?\\d{3,4}[ -]?\\d{3,4}\\b|\\+44|\\bext\\.? ?\\d+|\\b\\d{5,}\\b|\\w@\\w|\\bwww\\.|https?://");

  /**
   * Questions that ask whether something has to be done to a thing: "does my memory stick need to
   * be encrypted?", "do the consent forms have to be signed?", "should the photos be deleted?". The
   * word after "be" is what is required.
   */
  private static final Pattern ASKS_IF_REQUIRED =
      Pattern.compile(
          "\\b(needs? to be|ha(ve|s) to be|got to be|required to be|(do|does|will|would) (i|we|you|staff|they|he|she) (actually |really |still |definitely |even |always )?(have|need|got) to|"
              + "(must|should) (it|they|this|that|these|those|(the|my|our|a|an|their|his|her) [\\w'-]+( [\\w'-]+)?) be) (in |an? |one of the )?(?<word>[a-z]+)\\b"
              // a phrasal verb ("kept out", "locked away", "taken down") is not named by its first word
              + "(?! (out|away|off|up|down|back|over|in|aside)\\b)");

  /**
   * Words after "be" that name no requirement: "have to be in by 8", "does it need to be done",
   * "should it be ok".
   */
  private static final Pattern NOT_A_REQUIREMENT =
      Pattern.compile(
          "^(in|on|at|a|an|the|there|here|done|ok|okay|alright|allowed|able|used|made|given|told|careful|aware|sure|"
              + "honest|back|out|off|up|so|very|really|more|less|any|all|only|just|doing|using|be|do|get|go|have)$");

  /**
   * Actions the policies name in other words ("tell" is their "report", "ask" their "seek
   * permission"): a clause lacking the word can still require the action, so the check for a
   * clause naming it passes them by. A clause that does name them, or a synonym, after "must" or
   * "should" still answers yes ({@link ClauseVerdict}).
   */
  private static final Pattern NAMED_OTHERWISE =
      Pattern.compile("^(ask|tell|let|use|keep|pay|say|make|take|give|put|check|report|inform|stop|wait|know|see|come)$");

  /**
   * A choice between two things: "teams or zoom", "private or is public fine", "the office or the
   * trust". The words either side of "or", with the little words that may follow it passed over.
   */
  private static final Pattern CHOICE =
      Pattern.compile("\\b(?<first>[a-z][a-z'-]+) or ((is|are|the|a|an|can|do|does|should|would|it|they|just|to|use|using) )*(?<second>[a-z][a-z'-]+)\\b");

  /**
   * Words that name no thing to choose: "or not", "or anything", "or is it", "mine or someone
   * else's", and the question's own framing ("ok or", "allowed or").
   */
  private static final Pattern NOT_A_CHOICE =
      Pattern.compile(
          "^(i|we|you|he|she|they|it|me|my|mine|our|ours|your|his|her|their|them|this|that|these|those|myself|yourself|someone|somebody|"
              + "anyone|anybody|something|anything|everything|nothing|else|other|others|not|no|yes|so|what|who|how|when|where|which|why|"
              + "there|here|ok|okay|fine|alright|allowed|also|then|if|and|or|have|has|had|was|were|be|been|am|is|are|do|does|did|can|"
              + "could|should|would|will|shall|may|might|must|two|three|twice|more|less|later|now|either|both|"
              // verbs of wanting or knowing join two questions, not two things: "an e-safety worry or want something clarified"
              + "want|wants|need|needs|like|know|think|get|got)$");

  /** Where the thing asked about starts: "is there a ...", "are there any ...". */
  private static final Pattern THING_ASKED = Pattern.compile("\\b(is|are) there (a |an |any |some )?");

  /** Where the name of the thing asked about ends: "a school mobile | i can take", "cctv cameras | in the playground". */
  private static final Pattern END_OF_THING =
      Pattern.compile("^(i|we|you|they|that|which|who|for|in|on|at|to|with|can|could|should|and|or|if|when|where|about|like|every|each)$");

  /**
   * Words that name no thing: "a school mobile" is a mobile, "a school one" refers back, and "a
   * child's medicine" is about medicine, since every policy is about children.
   */
  private static final Pattern NOT_A_THING =
      Pattern.compile(
          "^(school|staff|class|classroom|new|official|work|one|ones|thing|things|someone|something|"
              + "the|my|our|your|their|his|her|its|this|that|it|them|giving|going|doing|getting|"
              + "child|children|pupils?|kids?|students?|parents?|\\w{1,2})$");

  /** At most this many words name the thing: "cctv cameras", "online safety training". */
  private static final int THING_WORDS = 3;

  /** How many letters of a word the sentence must share: "camera" finds "cameras", "training" "trained". */
  private static final int STEM_LETTERS = 5;

  /**
   * One kind of answer: the questions that want it, the words that give it, and what the head is
   * told when no cited clause has them.
   */
  record Kind(Pattern asks, Pattern gives, EscalationReason missing) {
    boolean askedFor(String question) {
      return asks.matcher(VerdictReader.lower(question)).find();
    }

    boolean givenBy(String clauseText) {
      return gives.matcher(VerdictReader.lower(clauseText)).find();
    }
  }

  static final Kind TIME = new Kind(ASKS_FOR_TIME, GIVES_TIME, EscalationReason.NO_FIGURE_GIVEN);
  static final Kind NUMBER = new Kind(ASKS_FOR_NUMBER, GIVES_NUMBER, EscalationReason.NO_FIGURE_GIVEN);
  static final Kind CONSEQUENCE = new Kind(ASKS_FOR_CONSEQUENCE, GIVES_CONSEQUENCE, EscalationReason.NO_CONSEQUENCE_GIVEN);
  static final Kind WHO_PAYS = new Kind(ASKS_WHO_PAYS, GIVES_WHO_PAYS, EscalationReason.NO_COST_GIVEN);
  static final Kind IF_COVERED = new Kind(ASKS_IF_COVERED, GIVES_WHO_PAYS, EscalationReason.NO_COST_GIVEN);
  static final Kind EXISTS = new Kind(ASKS_IF_IT_EXISTS, GIVES_EXISTENCE, EscalationReason.NOT_SAID_TO_EXIST);
  static final Kind PROCEDURE = new Kind(ASKS_FOR_PROCEDURE, Pattern.compile(ROUTE_WORDS), EscalationReason.NO_PROCEDURE_GIVEN);
  static final Kind CONTACT = new Kind(ASKS_FOR_CONTACT, GIVES_CONTACT, EscalationReason.NO_CONTACT_GIVEN);
  private static final List<Kind> KINDS = List.of(TIME, NUMBER, CONSEQUENCE, WHO_PAYS, IF_COVERED, EXISTS, PROCEDURE, CONTACT);

  /** A rule limited to those under an age: "ex pupils under the age of 18". */
  private static final Pattern AGE_LIMIT = Pattern.compile("\\bunder (the age of )?(\\d{1,2})s?\\b");

  /** An age a question gives: "now 19", "who's 19", "aged 19", "19 years old". */
  private static final Pattern AGE_GIVEN =
      Pattern.compile("\\b(now|aged|age|who's|who is|she's|he's|turned|turning) (\\d{1,2})\\b|\\b(\\d{1,2})( years old| year old|yo)\\b");

  private AnswerType() {}

  /** The kinds of answer a question wants. */
  static List<Kind> wanted(String question) {
    Stream<Kind> kinds =
        KINDS.stream().filter(k -> k.askedFor(question)).map(k -> k == EXISTS ? existenceOf(question) : k == PROCEDURE ? procedureOf(question) : k);
    return Stream.of(kinds, requirementOf(question).stream(), choiceOf(question).stream()).flatMap(k -> k).toList();
  }

  /**
   * Which of two things, answered only by a clause that names one of them: "are we supposed to use
   * Teams or Zoom for the live lessons?" is not settled by a clause on remote learning that names
   * neither. Empty when the question offers no such choice.
   */
  static Optional<Kind> choiceOf(String question) {
    Matcher m = CHOICE.matcher(VerdictReader.lower(question));
    while (m.find()) {
      String first = m.group("first");
      String second = m.group("second");
      if (!NOT_A_CHOICE.matcher(first).matches() && !NOT_A_CHOICE.matcher(second).matches()) {
        String either = "\\b(" + Pattern.quote(stem(first)) + "|" + Pattern.quote(stem(second)) + ")";
        return Optional.of(new Kind(CHOICE, Pattern.compile(either), EscalationReason.NEITHER_CHOICE_NAMED));
      }
    }
    return Optional.empty();
  }

  /**
   * Whether something has to be done, answered only by a clause that names what is to be done:
   * "does my memory stick need to be encrypted?" is not settled by a clause on taking work home
   * that never says "encrypt". Empty when the word after "be" names no requirement.
   */
  static Optional<Kind> requirementOf(String question) {
    return required(question)
        .map(stem -> new Kind(ASKS_IF_REQUIRED, Pattern.compile("\\b(" + Pattern.quote(stem) + SAME_DEED.getOrDefault(stem, "") + ")"), EscalationReason.NO_REQUIREMENT_GIVEN));
  }

  /**
   * The policies' other words for a deed a question names, as further alternatives after the
   * question's own stem: "do I have to wipe it off the stick?" is answered by "destroyed at the end
   * of the period".
   */
  private static final Map<String, String> SAME_DEED = Map.of("wipe", "|delet|destr|remov|erase", "delet", "|destr|remov|wipe|erase");

  /**
   * The first letters of what a question asks has to be done ("encry" for "does it need to be
   * encrypted?"), when it asks that and names something checkable.
   */
  static Optional<String> required(String question) {
    return requiredAction(question)
        .filter(word -> word.length() >= 4 && !NAMED_OTHERWISE.matcher(word).matches())
        .map(AnswerType::stem);
  }

  /** A word's first {@link #STEM_LETTERS} letters, which its other forms share ("encry" for "encrypted"). */
  private static String stem(String word) {
    return word.substring(0, Math.min(STEM_LETTERS, word.length()));
  }

  /**
   * The policies' words for an action a question names in its own ("tell" is their "report",
   * "inform" or "notify"; "ask" their "seek permission"), the action itself when they use the
   * same word. Needed because "tell" and "ask" only frame a question for the search, so they have
   * no synonyms there.
   */
  static String policyWordsFor(String action) {
    return switch (action) {
      case "tell", "let" -> "tell report inform notify speak discuss";
      case "ask" -> "ask seek sought permission consent";
      default -> action;
    };
  }

  /**
   * The word for what a question asks has to be done ("tell" for "do I need to tell anyone?"),
   * whether or not the policies would use that word for it.
   */
  static Optional<String> requiredAction(String question) {
    String q = VerdictReader.lower(question);
    Matcher m = ASKS_IF_REQUIRED.matcher(q);
    if (!m.find() || NOT_A_REQUIREMENT.matcher(m.group("word")).matches()) {
      return Optional.empty();
    }
    // "is that allowed or do i need to stay late?": the other way round of a permission question,
    // which the rule on what is allowed answers
    if (OTHERWISE.matcher(q.substring(0, m.start())).find()) {
      return Optional.empty();
    }
    return Optional.of(m.group("word"));
  }

  /** A permission question just before an "or": "is that allowed or ...", "can i just delete it or ...". */
  private static final Pattern OTHERWISE =
      Pattern.compile("\\b(allowed|ok|okay|alright|fine|permitted)\\?? or $|\\b(can|could|may) (i|we) [^?.]* or $");

  /**
   * Whether the school has the thing a question asks about, answered only by a sentence that says
   * it has, provides or runs something and names the thing: "is there a school mobile I can take
   * on trips?" is not settled by "Each class has iPads specifically for this purpose", which says
   * the school has something else.
   */
  static Kind existenceOf(String question) {
    return naming(EXISTS, THING_ASKED, EXISTENCE_WORDS, question);
  }

  /**
   * How to go about something, answered only by a sentence that gives a route and names the thing:
   * "how do I report a scam email?" is not settled by "report any incidents of concern regarding
   * staff use of technology ... to the Head", nor "what's the procedure for giving a child their
   * medicine?" by a clause on photographs that asks for parents' consent. Without a thing ("how do
   * I ask?") any sentence giving a route will do.
   */
  static Kind procedureOf(String question) {
    return naming(PROCEDURE, ASKS_FOR_PROCEDURE, ROUTE_WORDS, question);
  }

  /**
   * The kind of answer narrowed to a sentence that has its words and also names the thing the
   * question asks about, the words after {@code asked} (the kind as it is when none are found).
   */
  private static Kind naming(Kind kind, Pattern asked, String words, String question) {
    String q = VerdictReader.lower(question);
    Matcher m = asked.matcher(q);
    if (!m.find()) {
      return kind;
    }
    List<String> stems = new ArrayList<>();
    for (String w : q.substring(m.end()).split("[^a-z0-9]+")) {
      boolean ends = END_OF_THING.matcher(w).matches();
      if ((ends && !stems.isEmpty()) || stems.size() == THING_WORDS) {
        break;
      }
      if (!w.isEmpty() && !ends && !NOT_A_THING.matcher(w).matches()) {
        stems.add(Pattern.quote(stem(w)));
      }
    }
    if (stems.isEmpty()) {
      return kind;
    }
    String thing = "\\b(" + String.join("|", stems) + ")\\w*";
    return new Kind(kind.asks(), Pattern.compile(words + "[^.!?]*" + thing + "|" + thing + "[^.!?]*" + words), kind.missing());
  }

  /**
   * Why the cited clauses cannot settle the question, whatever the confidence check says; empty
   * when they can.
   *
   * @param wants the kinds of answer the question wants ({@link #wanted})
   * @param others whom other than staff the question asks about ({@link Audience#asksWhatOthersMay})
   */
  static Optional<EscalationReason> unsettled(
      String question, List<Kind> wants, Optional<Audience.Party> others, List<Citation> citations) {
    for (Kind k : wants) {
      if (citations.stream().noneMatch(c -> k.givenBy(c.clause().text()))) {
        return Optional.of(k.missing());
      }
    }
    if (!citations.isEmpty() && pastTheAgeLimit(question, citations.get(0).highlight())) {
      return Optional.of(EscalationReason.OVER_THE_AGE_LIMIT);
    }
    if (others.isPresent() && citations.stream().noneMatch(c -> hasRuleFor(others.get(), c.clause()))) {
      return Optional.of(EscalationReason.NO_RULE_FOR_THEM);
    }
    return Optional.empty();
  }

  /**
   * Whether the question is about someone at or over the age the rule stops at: "Staff must never
   * add pupils or ex pupils under the age of 18 as friends" does not settle "an ex-pupil who's now
   * 19 wants to add me".
   */
  static boolean pastTheAgeLimit(String question, String keySentence) {
    Matcher limit = AGE_LIMIT.matcher(VerdictReader.lower(keySentence));
    Matcher given = AGE_GIVEN.matcher(VerdictReader.lower(question));
    if (!limit.find() || !given.find()) {
      return false;
    }
    int age = Integer.parseInt(given.group(2) != null ? given.group(2) : given.group(3));
    return age >= Integer.parseInt(limit.group(2));
  }

  /**
   * The clauses found, with the first that gives the kind of answer asked for moved to the front
   * when the first found does not: "will school cover it if my phone gets nicked?" is answered by
   * "The school is not responsible for the loss, damage or theft of any personal mobile device",
   * not by the rule on bringing phones in that shares more of its words; "are pupils allowed to
   * ..." by a rule for pupils. Only the clauses that would be cited are reordered.
   */
  static List<Hit> givingWhatIsAsked(List<Hit> hits, List<Kind> wants, Optional<Audience.Party> others) {
    return firstThat(hits, c -> gives(c, wants, others), !wants.isEmpty() || others.isPresent());
  }

  /**
   * The clauses found, with the first that says whom to tell moved to the front when the first
   * found does not and the question asks whom to tell: "who should I talk to if I'm not sure about
   * something in the acceptable use agreement?" is answered by "Any concerns or clarification
   * should be discussed with Miss Dines", not by "I agree to follow this Acceptable Use
   * Agreement", which shares more of its words.
   */
  static List<Hit> namingWhomToTell(List<Hit> hits, String question) {
    return firstThat(hits, c -> namesWhomToTell(c.text()), asksWhomToTell(question));
  }

  /** {@code hits} with the first clause passing {@code test} moved to the front, when {@code applies} and the first does not pass. */
  private static List<Hit> firstThat(List<Hit> hits, Predicate<Clause> test, boolean applies) {
    return !applies || hits.isEmpty() || test.test(hits.get(0).clause()) ? hits : laterToFront(hits, h -> test.test(h.clause()));
  }

  /**
   * {@code items} with the first after the first one that passes {@code test} moved to the front;
   * the same list when none does. For reordering what is cited: clauses by the kind of answer they
   * give or whether they name someone to tell, citations by whom their rule is for.
   */
  static <T> List<T> laterToFront(List<T> items, Predicate<T> test) {
    for (int i = 1; i < items.size(); i++) {
      if (test.test(items.get(i))) {
        List<T> out = new ArrayList<>(items);
        out.add(0, out.remove(i));
        return List.copyOf(out);
      }
    }
    return items;
  }

  /** Whether the clause gives every kind of answer wanted and, when the question is about others, a rule for them. */
  private static boolean gives(Clause c, List<Kind> wants, Optional<Audience.Party> others) {
    return wants.stream().allMatch(k -> k.givenBy(c.text())) && others.map(p -> hasRuleFor(p, c)).orElse(true);
  }

  private static boolean hasRuleFor(Audience.Party party, Clause c) {
    return party.hasRuleIn(c.text()) || party.hasRuleIn(String.join(". ", c.headings()));
  }

  /**
   * Questions that ask whom to tell, ask or report to: "who do I report that to?", "who should I
   * talk to if I'm unsure?", "who's the go-to person?".
   */
  private static final Pattern ASKS_WHOM_TO_TELL =
      Pattern.compile(
          "\\bwho('?s| is)? (do|should|can|would|must|am|are|shall)? ?(i|we)? ?(meant to |supposed to |need to |have to )?"
              + "(tell|report|ask|speak|talk|go|contact|inform|check|let know)\\b|"
              + "\\bwho('?s| is) the (go-to|go to|right|best)? ?(person|contact)\\b");

  static boolean asksWhomToTell(String question) {
    return ASKS_WHOM_TO_TELL.matcher(VerdictReader.lower(question)).find();
  }

  /**
   * Words that say whom to tell or ask: the routes of {@link #PROCEDURE}, "consult with",
   * "discussed with", and a report made to someone however long what is reported ("should report
   * any accidental access of inappropriate materials to their line manager").
   */
  private static final Pattern NAMES_WHOM = Pattern.compile(ROUTE_WORDS + "|\\b(consult|discuss\\w*)\\b|\\breport\\w*\\b[^.;]{0,60}?\\bto (the|their|your|a|an|any)\\b");

  /** Whether {@code clause} says whom to tell or ask. */
  static boolean namesWhomToTell(String clause) {
    return NAMES_WHOM.matcher(VerdictReader.lower(clause)).find();
  }
}
