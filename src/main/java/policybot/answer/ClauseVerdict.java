package policybot.answer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import policybot.index.ClauseIndex;
import policybot.index.PolicyAnalyzer;

/**
 * Picks the sentence of the cited clauses a question's verdict is read from, and reads it in the
 * light of the question: {@link VerdictReader} says what one sentence rules, this says which
 * sentence speaks to the question and how the question's own circumstances change the answer.
 */
final class ClauseVerdict {

  /** A verdict and the clause sentence it was read from ("" when none decided it). */
  record Reading(Verdict verdict, String sentence) {
    static final Reading NONE = new Reading(Verdict.INFO, "");
  }

  /** One sentence of a cited clause, with the clause it belongs to. */
  private record Sentence(String clause, KeySentence.Span span) {
    String text() {
      return clause.substring(span.start(), span.end());
    }

    /** The sentence after this one in its clause, if there is one. */
    Optional<Sentence> next() {
      return KeySentence.sentences(clause).stream()
          .filter(s -> s.start() >= span.end())
          .findFirst()
          .map(s -> new Sentence(clause, s));
    }

    /** The other sentences of the same clause. */
    List<Sentence> siblings() {
      return KeySentence.sentences(clause).stream().filter(s -> !s.equals(span)).map(s -> new Sentence(clause, s)).toList();
    }

    static Sentence key(Citation c) {
      return new Sentence(c.text(), new KeySentence.Span(c.highlightStart(), c.highlightEnd()));
    }
  }

  /**
   * Question words an alternative must share for the question to be about it: one is not enough,
   * as nearly every question and alternative says "school".
   */
  static final int ALTERNATIVE_WORDS = 2;

  private final ClauseIndex idx;
  private final Question question;
  private final String form;
  private final List<Set<String>> terms;
  /** The word groups of the question itself, without the earlier question of a follow-up. */
  private final List<Set<String>> ownTerms;

  private ClauseVerdict(ClauseIndex idx, Question question, String form) {
    this.idx = idx;
    this.question = question;
    this.form = form;
    this.terms = idx.subjectTerms(FollowUp.searchText(question));
    this.ownTerms = idx.subjectTerms(question.text());
  }

  /**
   * The verdict of the first cited sentence that states a rule, tried in this order: the key
   * sentence of the best clause; the sentence after it when that one points back at it ("Each class
   * has iPads for this purpose. These iPads must never be used for personal use."); the clause's
   * other sentences in order; then the key sentences of the other cited clauses, as the answer
   * shows them. A clause's explanatory sentence ("Digital images are easy to capture...") does not
   * decide anything on its own, but when the best clause's key sentence only makes staff aware of
   * something ("your reputation could be harmed by what others share about you online") and the
   * question does not ask what is allowed ("is that an issue for work?"), the answer is for
   * information: a rule from a less relevant clause would be a guess.
   *
   * <p>A permission is limited by a prohibition or condition in the same clause that speaks to a
   * part of the question the permission does not mention: "Events ... may be recorded by video and
   * photographs ... Parents must not post photographs ... on social media websites without prior
   * permission", asked about putting the photos on Facebook, is conditional.
   *
   * @param form the text whose form decides yes/no versus information ({@link FollowUp#questionForm})
   */
  static Reading read(ClauseIndex idx, Question question, String form, List<Citation> citations) {
    if (VerdictReader.isInformationQuestion(form) || citations.isEmpty()) {
      return Reading.NONE;
    }
    return new ClauseVerdict(idx, question, form).read(citations);
  }

  /** A sentence that says the school bears no loss: "is not responsible for", "at the owner's own risk". */
  private static final Pattern DISCLAIMS =
      Pattern.compile("\\b(not|no|nor|cannot) (be )?(held )?(responsible|liable|liability)\\b|\\bat (your|their|the owner's|staff's)( own)? risk\\b");

  private Reading read(List<Citation> citations) {
    Citation top = citations.get(0);
    Sentence key = Sentence.key(top);
    // "will school cover it if my phone is nicked?" against "The school is not responsible for the
    // loss, damage or theft of any personal mobile device": a disclaimer is a no, though no rule
    if (AnswerType.IF_COVERED.askedFor(form) && DISCLAIMS.matcher(VerdictReader.lower(key.text())).find()) {
      return new Reading(Verdict.NO, key.text());
    }
    List<Sentence> candidates = new ArrayList<>();
    candidates.add(key);
    key.next().filter(n -> VerdictReader.continues(n.text())).ifPresent(candidates::add);
    KeySentence.sentences(top.text()).forEach(span -> candidates.add(new Sentence(top.text(), span)));
    citations.stream().skip(1).map(Sentence::key).forEach(candidates::add);
    // "does my memory stick need to be encrypted?" against "memory sticks should also be
    // encrypted", "do I need to tell anyone?" against "should report any accidental access": the
    // sentence requiring it, in the question's word or the policies' ({@link #requiresAction}),
    // answers yes, whatever rule comes before it
    Optional<String> action = AnswerType.requiredAction(form);
    if (action.isPresent()) {
      Set<String> words = new HashSet<>(idx.terms(AnswerType.policyWordsFor(action.get())));
      idx.questionTerms(action.get()).forEach(words::addAll);
      Optional<Sentence> requiring = candidates.stream().filter(c -> requiresAction(part(c.text()), words)).findFirst();
      if (requiring.isPresent()) {
        return new Reading(Verdict.YES, requiring.get().text());
      }
    }
    // "can anyone actually see what I'm doing on it?" against "the activity can be monitored and
    // logged and can also be made available, on request, to your Line Manager": the sentence saying
    // it is watched answers yes, whatever rule it or the clause's first sentence also states
    if (VerdictReader.asksIfWatched(form)) {
      Optional<Sentence> watched = candidates.stream().filter(c -> VerdictReader.answersIfWatched(form, c.text())).findFirst();
      if (watched.isPresent()) {
        return new Reading(Verdict.YES, watched.get().text());
      }
    }
    for (Sentence sentence : candidates) {
      Optional<Reading> reading = reading(sentence);
      if (reading.isEmpty() && sentence == key && VerdictReader.warns(sentence.text())) {
        if (!VerdictReader.asksWhatIsAllowed(form)) {
          // a warning saying staff are watched has already answered above, when that was asked
          return new Reading(Verdict.INFO, sentence.text());
        }
        // "staff need to be aware that if personal email ... are accessed in school, the activity
        // can be monitored": the policy expects staff to do the very thing asked, on terms
        if (KeySentence.supposes(sentence.text(), question.text(), ownTerms, idx::terms)) {
          return new Reading(Verdict.CONDITIONAL, sentence.text());
        }
      }
      if (reading.isPresent()) {
        boolean allows = VerdictReader.readYesNo(form, part(sentence.text())) == Verdict.YES;
        // a permission for the very case the question describes ("If a parent/guardian does not
        // return a non-consent form then permission will be assumed") is not limited by the
        // clause's general rule ("school must seek parental consent"): the case is the exception
        return allows && !KeySentence.supposes(sentence.text(), question.text(), ownTerms, idx::terms) ? limited(sentence).orElse(reading.get()) : reading.get();
      }
    }
    return Reading.NONE;
  }

  /** Whether {@code sentence} requires one of {@code words} (stems, with synonyms) after its "must" or "should". */
  private boolean requiresAction(String sentence, Set<String> words) {
    return VerdictReader.requiredSpans(sentence).stream().anyMatch(span -> idx.terms(span).stream().anyMatch(words::contains));
  }

  /**
   * A prohibition or condition in the clause of {@code permission} that names some of the
   * question's words the permission does not.
   */
  private Optional<Reading> limited(Sentence permission) {
    Set<Integer> named = KeySentence.mentions(permission.text(), terms, idx::terms);
    for (Sentence other : permission.siblings()) {
      if (VerdictReader.limitsToNew(other.text()) && PolicyAnalyzer.THERE_FIRST.matcher(question.text()).find()) {
        // "advised not to ... engage in communications with new parents" does not limit "staff
        // may/will have pre-existing engaged communications" for friends from before the child started
        continue;
      }
      Optional<Reading> limit = reading(other);
      if (limit.isPresent()
          && (limit.get().verdict() == Verdict.NO || limit.get().verdict() == Verdict.CONDITIONAL)
          && !named.containsAll(KeySentence.mentions(other.text(), terms, idx::terms))) {
        return limit;
      }
    }
    return Optional.empty();
  }

  /**
   * The verdict {@code sentence} gives the question, if it states a rule at all. A prohibition
   * followed by "However, in urgent cases a call may be made..." is only conditional. A condition
   * the question says is skipped or refused ("without asking the parents", "a mum said no on the
   * consent form") makes it a no; a question about the very circumstance a rule excepts ("what
   * about on a school trip?" after "cameras must not leave the school setting (unless on an
   * educational visit)") makes it a yes. A follow-up naming a word of any exception ("what if I
   * bring my own laptop in and use that instead?" against "not permitted to use ICT equipment for
   * personal use unless specific permission has been given") was read as a yes until session 17:
   * by then the circumstance rule decided every case it got right, and the two it still decided on
   * the seventeen question sets were both wrong.
   */
  private Optional<Reading> reading(Sentence sentence) {
    String text = part(sentence.text());
    Verdict v = VerdictReader.readYesNo(form, text);
    Optional<String> circumstance = v == Verdict.CONDITIONAL ? VerdictReader.circumstance(text) : Optional.empty();
    if (v == Verdict.NO && VerdictReader.alternative(text).filter(a -> named(a) >= ALTERNATIVE_WORDS).isPresent()) {
      // "can I talk to pupils through the school learning platform?" asks about the alternative
      // the prohibition allows, with whatever approval that alternative needs
      v = Verdict.CONDITIONAL;
    } else if (v == Verdict.NO
        && sentence.next().filter(n -> VerdictReader.relaxes(n.text()) && !VerdictReader.deniesTheCase(question.text(), n.text())).isPresent()) {
      v = Verdict.CONDITIONAL;
    } else if (v == Verdict.CONDITIONAL
        && (skipsTheCondition() || VerdictReader.forbidsWhatIsAskedForPleasure(question.text(), sentence.text()))) {
      v = Verdict.NO;
    } else if (v == Verdict.CONDITIONAL && VerdictReader.meetsTheWorkPurpose(question.text(), text)) {
      v = Verdict.YES;
    } else if (v == Verdict.CONDITIONAL && VerdictReader.deniesTheCase(question.text(), text)) {
      v = Verdict.NO;
    } else if (v == Verdict.CONDITIONAL && VerdictReader.leftOut(text).filter(w -> namedPresent(w) > 0).isPresent()) {
      // "may use school computers for limited personal use, but NOT during contact time or in the
      // presence of students", asked "even while the kids are doing quiet reading?"; not asked "at
      // lunch, no kids about?"
      v = Verdict.NO;
    } else if (v == Verdict.CONDITIONAL && circumstance.isPresent()) {
      // "cameras must not leave the school setting (unless on an educational visit)": taking one
      // home is a no, taking one on a trip a yes; no one's permission comes into it
      v = named(circumstance.get()) > 0 ? Verdict.YES : Verdict.NO;
    }
    return v == Verdict.INFO ? Optional.empty() : Optional.of(new Reading(v, sentence.text()));
  }

  /**
   * The one rule of a sentence joining several that names the most of the question, or the whole
   * sentence: "can I use a pen drive that's not encrypted?" is answered by "memory sticks should
   * also be encrypted", not by "No passwords should be divulged" before it.
   */
  private String part(String sentence) {
    List<String> parts = VerdictReader.conjuncts(sentence);
    if (parts.size() < 2) {
      return sentence;
    }
    String best = sentence;
    int most = 0;
    boolean tie = false;
    for (String p : parts) {
      int n = KeySentence.mentions(p, terms, idx::terms).size();
      if (n > most) {
        best = p;
        most = n;
        tie = false;
      } else if (n == most) {
        tie = true;
      }
    }
    return tie ? sentence : best;
  }

  /** How many of the question's own word groups {@code words} names, leaving out those it says are absent ("no kids about"). */
  private int namedPresent(String words) {
    return KeySentence.mentions(words, idx.subjectTerms(VerdictReader.withoutAbsent(question.text())), idx::terms).size();
  }

  /** A follow-up that speaks to the condition itself: "what if the parents say it's fine?". */
  private static final Pattern SPEAKS_TO_THE_CONDITION =
      Pattern.compile("\\b(consent\\w*|permission|agree\\w*|says?|said|ok|okay|fine|allow\\w*|ask\\w*|sign\\w*|forms?|changed? (her|his|their) mind)\\b");

  /**
   * Whether the question goes ahead without the condition or says it was refused; for a follow-up
   * that leaves the condition alone, the earlier question counts too: "what about a group shot in
   * the local paper?" after "mum ticked no on the photo form".
   */
  private boolean skipsTheCondition() {
    if (VerdictReader.skipsTheCondition(question.text())) {
      return true;
    }
    return FollowUp.isFollowUp(question) && !SPEAKS_TO_THE_CONDITION.matcher(VerdictReader.lower(question.text())).find()
        && VerdictReader.skipsTheCondition(question.previous().orElseThrow());
  }

  /** How many of the question's own word groups (not the earlier question's) {@code words} names. */
  private int named(String words) {
    return KeySentence.mentions(words, ownTerms, idx::terms).size();
  }
}
