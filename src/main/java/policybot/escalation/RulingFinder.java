package policybot.escalation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.RulingCitation;
import policybot.answer.RulingSource;
import policybot.index.ClauseIndex;
import policybot.index.PolicyAnalyzer;

/**
 * Finds the school's rulings in force that answer a question. The rulings' own questions are kept
 * with their MiniLM vectors in a small in-memory Lucene index per school, rebuilt when the school's
 * rulings change ({@link Rulings#revision}). A ruling is only given while every policy it rests on
 * is the version in the index the answer comes from, even before {@link Rulings#flagChanged} has
 * recorded that it needs re-approval.
 *
 * <p>A ruling matches when the question is close to the ruling's question in meaning <em>and</em>
 * shares most of its words, analysed as clauses are (stemming, the school synonym list). Tuned on
 * paraphrases of realistic escalated questions and on questions about the same things that are not
 * the same question (RulingFinderTest): MiniLM puts topic first, so "take my school laptop home at
 * the weekend" scores 0.76 against "leave my school laptop in the car overnight", as high as real
 * paraphrases (0.74-0.94); the shared words tell them apart (half against two thirds or more).
 * Known limit: a question that swaps one noun and keeps the rest ("leave my laptop in the
 * classroom overnight") still matches, which is why the ruling's question is always shown with it.
 */
public final class RulingFinder implements RulingSource {

  private static final Logger log = LoggerFactory.getLogger(RulingFinder.class);

  /**
   * Cosine at or above which a question may be the ruling's question asked again: every tuning
   * paraphrase but the vaguest scored 0.73 or more, questions on other matters 0.62 or less.
   */
  static final double SAME_QUESTION_COSINE = 0.70;

  /**
   * Share of the ruling question's words (stems, synonyms counted) the question must have too:
   * paraphrases kept two thirds or more, same-topic other questions half or less.
   */
  static final double SHARED_WORDS = 0.6;

  /** Rulings cited in one answer; a second is shown only when it too answers the question. */
  static final int MAX_CITED = 2;

  private static final String F_ID = "id";
  private static final String F_VECTOR = "vector";

  private final Rulings rulings;
  private final Map<String, Snapshot> bySchool = new ConcurrentHashMap<>();

  public RulingFinder(Rulings rulings) {
    this.rulings = Objects.requireNonNull(rulings, "rulings");
  }

  /** A school's rulings in force at one revision, indexed. */
  private record Snapshot(
      Rulings.Revision revision, Map<String, Ruling> byId, Map<String, Set<String>> words, IndexSearcher searcher) {}

  @Override
  public List<RulingCitation> find(ClauseIndex index, String school, String question) {
    Snapshot snapshot;
    try {
      snapshot = snapshot(index, school);
    } catch (RuntimeException e) {
      // the clauses can still be answered from; the question is not lost for want of the database
      log.atWarn().addKeyValue("school", school).addKeyValue("error", e.toString()).log("rulings not available; answering from the clauses alone");
      return List.of();
    }
    if (snapshot.byId().isEmpty()) {
      return List.of();
    }
    try {
      return matches(snapshot, index, school, question);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<RulingCitation> matches(Snapshot snapshot, ClauseIndex index, String school, String question)
      throws IOException {
    IndexSearcher searcher = snapshot.searcher();
    List<Set<String>> asked = index.questionTerms(question);
    float[] vector = index.embedder().embedQuery(question);
    int k = snapshot.byId().size();
    ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(F_VECTOR, vector, k), k).scoreDocs;
    Map<String, String> hashesNow = index.policyHashes(school);
    List<RulingCitation> out = new ArrayList<>();
    for (ScoreDoc d : near) {
      // Lucene scores cosine similarity as (1 + cos) / 2
      double cosine = 2.0 * d.score - 1.0;
      Ruling r = snapshot.byId().get(searcher.storedFields().document(d.doc).get(F_ID));
      if (cosine < SAME_QUESTION_COSINE) {
        break; // best first: the rest are further away
      }
      if (sharedWords(snapshot.words().get(r.id()), asked) < SHARED_WORDS || !restsOnCurrentPolicies(r, hashesNow)) {
        continue;
      }
      out.add(new RulingCitation(r.id(), r.question(), r.answer(), r.reviewerShown(), r.decidedOn(), cosine));
      if (out.size() == MAX_CITED) {
        break;
      }
    }
    return out;
  }

  /**
   * Flags for re-approval every ruling resting on a policy that is not, in {@code swappedIn}, the
   * version it was made against; called with each index the live index swaps in. Only schools in
   * that index are looked at, so a school whose folder is missing is left alone.
   */
  public List<Ruling> flagChanged(ClauseIndex swappedIn) {
    List<Ruling> flagged = rulings.flagChanged(swappedIn.policyHashes());
    if (!flagged.isEmpty()) {
      log.atInfo().addKeyValue("rulings", flagged.size()).log("rulings flagged for re-approval: a policy they rest on changed");
    }
    return flagged;
  }

  /** Share of the ruling question's words found in the asked question, synonyms counting. */
  static double sharedWords(Set<String> rulingWords, List<Set<String>> asked) {
    if (rulingWords.isEmpty()) {
      return 0;
    }
    long shared = rulingWords.stream().filter(w -> asked.stream().anyMatch(group -> group.contains(w))).count();
    return shared / (double) rulingWords.size();
  }

  /** Whether every policy the ruling rests on is, in this index, the version the reviewer saw. */
  static boolean restsOnCurrentPolicies(Ruling r, Map<String, String> hashesNow) {
    return r.restsOn().stream().allMatch(v -> v.contentHash().equals(hashesNow.get(v.policy())));
  }

  /** The school's indexed rulings, rebuilt when its revision has moved on. */
  private Snapshot snapshot(ClauseIndex index, String school) {
    Rulings.Revision now = rulings.revision(school);
    Snapshot held = bySchool.get(school);
    if (held != null && held.revision().equals(now)) {
      return held;
    }
    // two questions arriving together may both rebuild; both results are right, the last one stays
    Snapshot fresh = build(index, now, rulings.inStatus(school, RulingStatus.CURRENT));
    bySchool.put(school, fresh);
    return fresh;
  }

  private static Snapshot build(ClauseIndex index, Rulings.Revision revision, List<Ruling> current) {
    Map<String, Ruling> byId = new HashMap<>();
    Map<String, Set<String>> words = new HashMap<>();
    ByteBuffersDirectory dir = new ByteBuffersDirectory();
    try {
      List<float[]> vectors = index.embedder().embedAll(current.stream().map(Ruling::question).toList(), done -> {});
      try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(PolicyAnalyzer.forIndex()))) {
        for (int i = 0; i < current.size(); i++) {
          Ruling r = current.get(i);
          byId.put(r.id(), r);
          words.put(r.id(), new LinkedHashSet<>(index.terms(r.question())));
          Document doc = new Document();
          doc.add(new StringField(F_ID, r.id(), Field.Store.YES));
          doc.add(new KnnFloatVectorField(F_VECTOR, vectors.get(i), VectorSimilarityFunction.COSINE));
          w.addDocument(doc);
        }
        w.commit();
      }
      return new Snapshot(revision, Map.copyOf(byId), Map.copyOf(words), new IndexSearcher(DirectoryReader.open(dir)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
