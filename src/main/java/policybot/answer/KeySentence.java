package policybot.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import policybot.index.Audience;

/**
 * Finds the sentence inside a clause that answers the question, so a long bullet can be quoted
 * whole with the part that matters marked.
 */
final class KeySentence {
  /**
   * A sentence ends at . ! or ? followed by a space and a capital, an opening quote, or a name
   * written with a small letter before a capital ("... notified immediately. iPads that are ..."),
   * but not at an abbreviation: "Social networking sites (e.g. Facebook, MySpace etc.) and ..." is
   * one sentence.
   */
  private static final Pattern BOUNDARY =
      Pattern.compile("(?<=[.!?])(?<!\\b(?i:e\\.g|i\\.e|eg|ie|mr|mrs|ms|dr|st|no|vs)\\.)\\s+(?=[A-Z“\"'(]|[a-z][A-Z])");

  /** A sentence that states a rule beats an equally matching one that only explains. */
  static final double RULE_BONUS = 0.5;

  /**
   * A rule for pupils (or parents) beats an equally matching one for staff when the question asks
   * what pupils (or parents) may do: "Pupils are not allowed to use their phones in school" over "staff mobile phones must
   * not be used to take pictures of children", which shares the same words.
   */
  static final double SAME_ADDRESSEE_BONUS = 0.5;

  /**
   * Added for a sentence that gives the kind of answer the question wants (a time, a consequence,
   * who pays): as much as naming one more of the question's words.
   */
  static final double GIVES_WHAT_IS_WANTED_BONUS = 2.0;

  /**
   * Added for a sentence whose "if ..." supposes the question's own case ({@link #supposes}): "a
   * parent never sent back the photo form, can I still take pics?" is in the case "If a
   * parent/guardian does not return a non-consent form then permission will be assumed" supposes,
   * which speaks to it more than "school must seek parental consent to take photographs" before it.
   * Worth one more question word; a smaller bonus loses the tie to the sentence before it. Not
   * for a question that wants a kind of answer ({@link AnswerType}): "I've lost the school iPad,
   * will I have to pay for it?" is answered by "You will be liable for a replacement", not by "If
   * the iPad is lost ... the Head Teacher must be notified".
   */
  static final double SAME_SITUATION_BONUS = 1.0;

  /**
   * Question words an "if ..." must name to suppose the question's own case ("personal" and "email"
   * in "can I check my personal emails?" against "if personal email ... are accessed in school"):
   * one is too easily shared.
   */
  static final int SITUATION_WORDS = 2;

  /**
   * Whether {@code sentence} supposes the case {@code question} is in: its "if ..." names at least
   * {@link #SITUATION_WORDS} of the question's words and denies what the question denies ("a parent
   * never sent back the form" is in "If a parent/guardian does not return a non-consent form", "a
   * mum sent back the non-consent form" is not).
   */
  static boolean supposes(String sentence, String question, List<Set<String>> terms, Function<String, List<String>> analyze) {
    return VerdictReader.supposition(sentence)
        .filter(c -> mentions(c, terms, analyze).size() >= SITUATION_WORDS && VerdictReader.sameDenial(question, c))
        .isPresent();
  }

  /**
   * Taken off a sentence about staff's own devices when the question is about the school's: it can
   * still be the key sentence of a clause that says nothing else, but loses to any other.
   */
  static final double OTHER_OWNER_PENALTY = 100;


  /**
   * Something the school provides, named as such: "the school camera", "the class iPad", "school
   * equipment". A question about one is not answered by a rule about staff's own devices.
   */
  private static final Pattern SCHOOLS_OWN =
      Pattern.compile("\\b(school|school's|class|classroom|work)( \\w+)? (cameras?|ipads?|tablets?|laptops?|phones?|mobiles?|devices?|equipment|computers?|pcs?)\\b");

  /** Staff's own things: "personal digital equipment", "their own mobile phones". */
  private static final Pattern PERSONAL =
      Pattern.compile("\\b(personal|own|private|privately owned)( \\w+){0,2} (equipment|devices?|phones?|mobiles?|cameras?|laptops?|computers?|ipads?|tablets?)\\b");

  private KeySentence() {}

  /** A span of the clause text: [start, end). */
  record Span(int start, int end) {}

  static List<Span> sentences(String text) {
    List<Span> out = new ArrayList<>();
    Matcher m = BOUNDARY.matcher(text);
    int start = 0;
    while (m.find()) {
      out.add(new Span(start, m.start()));
      start = m.end();
    }
    out.add(new Span(start, text.length()));
    return out;
  }

  /** Which of the question's word groups {@code sentence} mentions, by their place in the list. */
  static Set<Integer> mentions(String sentence, List<Set<String>> questionTerms, Function<String, List<String>> analyze) {
    Set<String> terms = new HashSet<>(analyze.apply(sentence));
    Set<Integer> out = new HashSet<>();
    for (int i = 0; i < questionTerms.size(); i++) {
      if (questionTerms.get(i).stream().anyMatch(terms::contains)) {
        out.add(i);
      }
    }
    return out;
  }

  /**
   * What the key sentence is chosen for.
   *
   * @param question the question as asked, for whether it denies what a sentence's "if" supposes
   * @param terms the question's word groups, with the earlier question's for a follow-up
   * @param ownTerms a follow-up's own word groups, which count twice: "what about with the school
   *     camera?" after a question about photos on a phone is answered by the sentence about school
   *     equipment, not the one about phones; empty for a question that is not a follow-up
   * @param aboutOthers whom other than staff the question asks about, if anyone
   * @param aboutSchoolsOwn whether the question (a follow-up's own words) asks about something the
   *     school provides: a rule about staff's own devices is then not its key sentence
   * @param wants the kinds of answer the question wants ({@link AnswerType#wanted}): "will I have
   *     to pay for it?" is answered by "You will be liable for a replacement if due care has not
   *     been taken", not by the sentence before it that shares more of the earlier question's words
   * @param rarity the rarity of each of {@code terms} among the school's clauses, in the same order
   *     ({@link #RARITY_WEIGHT}); empty to leave rarity out
   */
  record Asked(
      String question,
      List<Set<String>> terms,
      List<Set<String>> ownTerms,
      Optional<Audience.Party> aboutOthers,
      boolean aboutSchoolsOwn,
      List<AnswerType.Kind> wants,
      List<Double> rarity) {}

  /**
   * Added per unit of rarity (IDF among the school's clauses, at most about 4) of each question word
   * a sentence names: a tie-break between sentences naming as many, so "Care should be taken to
   * ensure that images of children identified as at risk should not be taken" answers "two kids in
   * my form are flagged as at risk, should they be kept out of the class photo?" before "the school
   * permits the appropriate taking of images by staff and pupils", which names commoner words. Too
   * small to outweigh one more word named or a rule over an explanation. Measured with {@link
   * #OWN_DEVICE_PENALTY} through the whole engine ({@code OutcomeDiff}, session 22, 33 sets): read
   * +4 verdicts right, blind +4, none lost; alone, read +1 and blind -2 (photos on a phone on a trip
   * went to "the school permits ... with school equipment", which names "taking").
   */
  static final double RARITY_WEIGHT = 0.03;

  /**
   * Taken off a sentence about the school's equipment and not staff's own when the question is
   * about the asker's own device ("can I take pics of the kids on my phone on the trip?" is not
   * answered by "the school permits the appropriate taking of images ... with school equipment").
   * Half a word: it settles the ties {@link #RARITY_WEIGHT} would otherwise settle the wrong way.
   * Alone it lost two read and two blind verdicts ("can I borrow the class iPad, left my phone at
   * home?" is about the school's iPad).
   */
  static final double OWN_DEVICE_PENALTY = 0.5;

  /**
   * Whether a question asks about something the school provides and not about the asker's own:
   * "ok so can I use the school iPad for the photos instead?", not "school camera is rubbish, can
   * I just use my phone?".
   */
  static boolean aboutSchoolsOwn(String question) {
    return SCHOOLS_OWN.matcher(VerdictReader.lower(question)).find() && !VerdictReader.asksAboutOwn(question);
  }

  /**
   * The best sentence for the question: the most question words (each with its synonyms), ties
   * going to rule sentences, then to the rarer words named, then to the earlier sentence.
   */
  static Span find(String text, Asked asked, Function<String, List<String>> analyze) {
    List<Span> spans = sentences(text);
    Span best = spans.get(0);
    double bestScore = Double.NEGATIVE_INFINITY;
    boolean aboutOwnDevice = VerdictReader.asksAboutOwn(asked.question());
    for (Span s : spans) {
      String sentence = text.substring(s.start(), s.end());
      String lower = VerdictReader.lower(sentence);
      Set<Integer> named = mentions(sentence, asked.terms(), analyze);
      double score = named.size() + mentions(sentence, asked.ownTerms(), analyze).size();
      for (int i : named) {
        score += i < asked.rarity().size() ? RARITY_WEIGHT * asked.rarity().get(i) : 0;
      }
      if (VerdictReader.isRule(sentence)) {
        score += RULE_BONUS;
      }
      if (asked.aboutOthers().filter(p -> p.hasRuleIn(sentence)).isPresent()) {
        score += SAME_ADDRESSEE_BONUS;
      }
      if (asked.wants().stream().anyMatch(k -> k.givenBy(sentence))) {
        score += GIVES_WHAT_IS_WANTED_BONUS;
      }
      if (asked.wants().isEmpty() && supposes(sentence, asked.question(), asked.terms(), analyze)) {
        score += SAME_SITUATION_BONUS;
      }
      boolean personal = PERSONAL.matcher(lower).find();
      if (asked.aboutSchoolsOwn() && personal) {
        score -= OTHER_OWNER_PENALTY;
      }
      if (aboutOwnDevice && !personal && SCHOOLS_OWN.matcher(lower).find()) {
        score -= OWN_DEVICE_PENALTY;
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    return best;
  }
}
