package policybot.answer;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import policybot.corpus.Clause;
import policybot.corpus.PolicyMeta;
import policybot.corpus.School;
import policybot.index.Audience;
import policybot.index.ClauseIndex;
import policybot.index.Hit;
import policybot.index.SearchMode;

/**
 * The answering engine every channel uses: checks the input, routes safeguarding concerns, finds
 * the clauses, decides whether they settle the question, and composes the answer.
 */
public final class AnswerService {
  /** Most clauses quoted in one answer. */
  public static final int MAX_CITATIONS = 3;

  /** Query used to find the school's own words on reporting a concern about a child. */
  static final String SAFEGUARDING_QUERY =
      "report concerns about a child's safety to the designated safeguarding lead or designated person for child protection";

  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private final Supplier<ClauseIndex> index;
  private final String linkBase;
  private final Clock clock;
  private final AnswerComposer composer;
  private final SearchMode mode;
  private final RulingSource rulings;
  private final Confidence.Weights confidence;

  public AnswerService(Supplier<ClauseIndex> index, String linkBase, Clock clock) {
    this(index, linkBase, clock, new TemplateComposer(), SearchMode.HYBRID);
  }

  public AnswerService(
      Supplier<ClauseIndex> index, String linkBase, Clock clock, AnswerComposer composer, SearchMode mode) {
    this(index, linkBase, clock, composer, mode, RulingSource.NONE);
  }

  /** An engine that also cites reviewers' published rulings from {@code rulings}. */
  public AnswerService(Supplier<ClauseIndex> index, String linkBase, Clock clock, RulingSource rulings) {
    this(index, linkBase, clock, new TemplateComposer(), SearchMode.HYBRID, rulings);
  }

  public AnswerService(
      Supplier<ClauseIndex> index,
      String linkBase,
      Clock clock,
      AnswerComposer composer,
      SearchMode mode,
      RulingSource rulings) {
    this(index, linkBase, clock, composer, mode, rulings, Confidence.DEFAULT);
  }

  private AnswerService(
      Supplier<ClauseIndex> index,
      String linkBase,
      Clock clock,
      AnswerComposer composer,
      SearchMode mode,
      RulingSource rulings,
      Confidence.Weights confidence) {
    this.index = index;
    this.linkBase = linkBase.replaceAll("/+$", "");
    this.clock = clock;
    this.composer = composer;
    this.mode = mode;
    this.rulings = java.util.Objects.requireNonNull(rulings, "rulings");
    this.confidence = confidence;
  }

  /** The same engine with other confidence weights or threshold: lets {@code ThresholdSweep} measure a threshold through the whole engine. */
  AnswerService withConfidence(Confidence.Weights weights) {
    return new AnswerService(index, linkBase, clock, composer, mode, rulings, weights);
  }

  /** The school a question names; slugs are lower case, so "Glais" typed at the command line is glais. */
  private static Optional<School> school(ClauseIndex idx, String slug) {
    return idx.corpus().school(slug == null ? null : slug.strip().toLowerCase(Locale.ROOT));
  }

  public Answer ask(Question question) {
    ClauseIndex idx = index.get();
    Optional<School> school = school(idx, question.school());
    Optional<Answer.Refused> refused =
        InputCheck.check(question.school(), question.text(), school.isPresent(), idx.corpus().schools().keySet());
    if (refused.isPresent()) {
      return refused.get();
    }
    String text = question.text().strip();
    School s = school.orElseThrow();
    if (SafeguardingCheck.isConcern(text)) {
      return safeguarding(idx, s, text);
    }
    Found found = find(idx, s, question);
    // the nearest examples need the message's vector, which the search has just made (it embeds a
    // question side by side with its widened form, so asking for it first would cost a model run);
    // a follow-up, searched together with the question before it, pays one run for its own text
    // (embedding the two side by side before the search measured no faster). A short follow-up
    // resembles a concern on its own words too easily ("what if she's actually my sister-in-law
    // tho", after a parent's friend request), so it must also do so read with the question before
    // it, whose vector the search has made; the word lists still catch a disclosure in one.
    ConcernNeighbours neighbours = ConcernNeighbours.shipped();
    if (neighbours.resemblesConcern(idx.embedder().embedQuery(text))
        && (!FollowUp.isFollowUp(question) || neighbours.resemblesConcern(idx.embedder().embedQuery(found.searchText())))) {
      return safeguarding(idx, s, text);
    }
    String form = found.form();
    Optional<Audience.Party> others = found.others();
    List<Hit> hits = found.hits();
    List<Citation> cited = found.citations();
    Optional<Answer.Grounded> ruled = ruled(idx, s, form, text, found.searchText(), cited);
    if (ruled.isPresent()) {
      return ruled.get();
    }
    // nothing on the topic at all says most; then what kind of answer is missing; then a weak match
    boolean whomAnswered = AnswerType.asksWhomToTell(form) && !cited.isEmpty() && AnswerType.namesWhomToTell(cited.get(0).text());
    boolean otherEvidence = whomAnswered || Confidence.isLong(found.searchText());
    Optional<EscalationReason> confidence = Confidence.assess(hits, this.confidence, otherEvidence).escalate();
    Optional<EscalationReason> unsettled =
        confidence
            .filter(r -> r == EscalationReason.NO_CLAUSE_COVERS_IT)
            .or(() -> AnswerType.unsettled(form, found.wants(), others, cited))
            .or(() -> confidence);
    if (unsettled.isPresent()) {
      return new Answer.Escalated(s.slug(), text, unsettled.get(), cited, composer.escalated(s, text, unsettled.get(), cited));
    }
    ClauseVerdict.Reading first = ClauseVerdict.read(idx, question, form, cited);
    // staff asking about themselves, answered from a rule for someone else: a rule for staff cited
    // further down answers instead
    List<Citation> citations =
        others.isEmpty() && Audience.aboutOwnConduct(form) && Audience.addressedToOthers(first.sentence()) ? staffRuleFirst(cited) : cited;
    ClauseVerdict.Reading reading = citations == cited ? first : ClauseVerdict.read(idx, question, form, citations);
    if (reading.verdict() == Verdict.NO && VerdictReader.forbidsPersonalUseOfWork(text, reading.sentence())) {
      EscalationReason reason = EscalationReason.RULE_IS_FOR_PERSONAL_USE;
      return new Answer.Escalated(s.slug(), text, reason, citations, composer.escalated(s, text, reason, citations));
    }
    if (disagree(form, others, citations, hits)) {
      EscalationReason reason = EscalationReason.CLAUSES_DISAGREE;
      return new Answer.Escalated(s.slug(), text, reason, citations, composer.escalated(s, text, reason, citations));
    }
    List<Citation> keyed = keyedTo(citations, reading.sentence());
    return new Answer.Grounded(
        s.slug(), text, reading.verdict(), keyed, warnings(s, keyed), composer.grounded(s, text, reading.verdict(), keyed));
  }

  /**
   * The citations with the first whose marked sentence is a rule for staff moved to the front;
   * the same list when none is. For staff asking about themselves when the verdict was read from a
   * rule for someone else: "can I put pics from the christmas fair on my facebook?" is answered by
   * "Staff must not post pictures of school events without the Headteacher's consent", not by
   * "Parents must not post photographs ..." inside a clause on filming at school events that shares
   * more of its words.
   */
  private static List<Citation> staffRuleFirst(List<Citation> citations) {
    return AnswerType.laterToFront(citations, c -> !Audience.addressedToOthers(c.highlight()) && VerdictReader.isRule(c.highlight()));
  }

  /**
   * The citations with the sentence the verdict was read from marked in its clause, when that is
   * not the clause's key sentence already: "No" must not stand over a quote that says staff "may"
   * ("There is an acknowledgment that school staff may/will have pre-existing ... communications
   * with parents") when it was read from the next sentence ("However, school staff are advised not
   * to ... new parents").
   */
  private static List<Citation> keyedTo(List<Citation> citations, String sentence) {
    List<Citation> out = new ArrayList<>(citations);
    for (int i = 0; i < out.size() && !sentence.isEmpty(); i++) {
      Citation c = out.get(i);
      int at = c.text().indexOf(sentence);
      if (at >= 0) {
        if (at != c.highlightStart() || at + sentence.length() != c.highlightEnd()) {
          out.set(i, c.highlighting(at, at + sentence.length()));
        }
        break;
      }
    }
    return List.copyOf(out);
  }

  /**
   * A reviewer's ruling on a question like this one settles it, whatever the clauses alone would
   * have given (too unsure, or two clauses pointing different ways): the head's answer is what the
   * school decided. Its verdict is read from the ruling's words; the nearest clauses go with it.
   */
  private Optional<Answer.Grounded> ruled(
      ClauseIndex idx, School s, String form, String text, String searchText, List<Citation> citations) {
    List<RulingCitation> found = rulings.find(idx, s.slug(), searchText);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RulingCitation best = found.get(0);
    Verdict verdict = RulingVerdict.read(form, best.text());
    return Optional.of(
        new Answer.Grounded(
            s.slug(),
            text,
            verdict,
            citations,
            warnings(s, citations),
            composer.ruled(s, text, verdict, best, citations),
            found));
  }

  /**
   * The verdict the cited clauses give {@code question} whatever the confidence check decides, with
   * the sentence it was read from: lets verdict reading be measured on every answerable question
   * ({@code VerdictSweep} in the test sources).
   */
  ClauseVerdict.Reading readingIgnoringConfidence(Question question) {
    ClauseIndex idx = index.get();
    Found found = find(idx, school(idx, question.school()).orElseThrow(), question);
    return ClauseVerdict.read(idx, question, found.form(), found.citations());
  }

  /**
   * What a usage question was read as and the clauses found for it.
   *
   * @param searchText the text searched: a follow-up with the earlier question joined on
   * @param form the text whose form decides yes/no against information ({@link FollowUp#questionForm})
   * @param others whom other than staff it asks about
   * @param wants the kinds of answer it wants
   * @param hits the clauses as search ranked them, which the confidence check reads
   * @param citations the same clauses cited, the one giving the kind of answer asked for first
   *     ({@link AnswerType#givingWhatIsAsked})
   */
  private record Found(
      String searchText, String form, Optional<Audience.Party> others, List<AnswerType.Kind> wants, List<Hit> hits, List<Citation> citations) {}

  /** A concern about a child: whom to report it to, in the policy's own words, never an answer to it. */
  private Answer.Safeguarding safeguarding(ClauseIndex idx, School s, String text) {
    KeySentence.Asked reporting = new KeySentence.Asked(SAFEGUARDING_QUERY, idx.subjectTerms(SAFEGUARDING_QUERY), List.of(), Optional.empty(), false, List.of(), List.of());
    List<Citation> words = citations(idx, s, reporting, idx.search(s.slug(), SAFEGUARDING_QUERY, SearchMode.HYBRID, 1));
    return new Answer.Safeguarding(s.slug(), text, s.contacts().dsl(), words, composer.safeguarding(s, text, words));
  }

  /** Reads the question and finds its clauses, the same for an answer and for {@link #readingIgnoringConfidence}. */
  private Found find(ClauseIndex idx, School s, Question question) {
    String searchText = FollowUp.searchText(question);
    String form = FollowUp.questionForm(question);
    Optional<Audience.Party> others = Audience.asksWhatOthersMay(form);
    List<AnswerType.Kind> wants = AnswerType.wanted(form);
    List<Hit> hits = search(idx, s, question, searchText);
    List<Hit> cited = AnswerType.namingWhomToTell(AnswerType.givingWhatIsAsked(hits, wants, others), form);
    return new Found(searchText, form, others, wants, hits, citations(idx, s, asked(idx, question, searchText, others, wants), cited));
  }

  /** The best clauses for a question: a follow-up with a subject of its own counts its own words too. */
  private List<Hit> search(ClauseIndex idx, School s, Question question, String searchText) {
    if (!FollowUp.namesOwnSubject(question, idx.subjectTerms(question.text()).size())) {
      return idx.search(s.slug(), searchText, mode, MAX_CITATIONS);
    }
    List<Hit> joined = idx.candidates(s.slug(), searchText, mode);
    List<Hit> own = idx.candidates(s.slug(), question.text(), mode);
    return FollowUp.withOwnWords(joined, own, MAX_CITATIONS);
  }

  /**
   * Two nearly equally strong clauses, one saying yes and the other no, mean the policies
   * contradict each other on this question: a person must decide.
   */
  private static boolean disagree(String form, Optional<Audience.Party> others, List<Citation> citations, List<Hit> hits) {
    if (citations.size() < 2 || hits.get(1).score() < Confidence.DISAGREEMENT_SCORE_SHARE * hits.get(0).score()) {
      return false;
    }
    // a rule for staff does not contradict one for pupils: "staff may bring in phones" against
    // "pupils are not allowed to use their phones" answers a question about pupils one way
    if (others.isPresent() && !(others.get().hasRuleIn(citations.get(0).highlight()) && others.get().hasRuleIn(citations.get(1).highlight()))) {
      return false;
    }
    // "Staff must never add pupils ... as friends" does not contradict a rule about parents for a
    // question about a mum: the two rules are about different people
    if (Audience.aboutOtherParties(form, citations.get(0).highlight()) || Audience.aboutOtherParties(form, citations.get(1).highlight())) {
      return false;
    }
    Verdict first = VerdictReader.read(form, citations.get(0).highlight());
    Verdict second = VerdictReader.read(form, citations.get(1).highlight());
    return (first == Verdict.YES && second == Verdict.NO) || (first == Verdict.NO && second == Verdict.YES);
  }

  /** What the key sentence of each cited clause is chosen for (see {@link KeySentence.Asked}). */
  private static KeySentence.Asked asked(
      ClauseIndex idx, Question question, String searchText, Optional<Audience.Party> others, List<AnswerType.Kind> wants) {
    List<Set<String>> terms = idx.subjectTerms(searchText);
    return new KeySentence.Asked(
        question.text(),
        terms,
        FollowUp.isFollowUp(question) ? idx.subjectTerms(question.text()) : List.of(),
        others,
        KeySentence.aboutSchoolsOwn(question.text()),
        wants,
        terms.stream().map(t -> idx.rarity(question.school(), t)).toList());
  }

  private List<Citation> citations(ClauseIndex idx, School school, KeySentence.Asked asked, List<Hit> hits) {
    LocalDate today = LocalDate.now(clock);
    List<Citation> out = new ArrayList<>();
    for (Hit h : hits) {
      Clause c = h.clause();
      PolicyMeta meta = school.policy(c.policy()).orElseThrow();
      KeySentence.Span span = KeySentence.find(c.text(), asked, idx::terms);
      out.add(
          new Citation(
              c,
              meta.title(),
              link(c),
              meta.sourceUrl(),
              span.start(),
              span.end(),
              h.score(),
              meta.overdueOn(today)));
    }
    return out;
  }

  /** The address of a clause on its policy page. */
  public String link(Clause c) {
    return linkBase + "/policies/" + c.school() + "/" + c.policy() + "#" + c.id();
  }

  private List<String> warnings(School school, List<Citation> citations) {
    LocalDate today = LocalDate.now(clock);
    Set<String> out = new LinkedHashSet<>();
    for (Citation c : citations) {
      PolicyMeta meta = school.policy(c.clause().policy()).orElseThrow();
      if (meta.overdueOn(today)) {
        out.add(
            "“" + meta.title() + "” was due for review on " + meta.reviewDue().orElseThrow().format(DATE)
                + ", so it may be out of date: check with " + school.contacts().head() + " if in doubt.");
      }
    }
    return List.copyOf(out);
  }
}
