package policybot.index;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;
import org.apache.lucene.util.VectorUtil;
import policybot.corpus.Clause;
import policybot.corpus.Corpus;

/**
 * The Lucene index of clauses: keyword (BM25) and embedding search, both scoped to one school, fused
 * by reciprocal rank. Built and refreshed by {@link IndexBuilder}; this class only reads.
 */
public final class ClauseIndex implements Closeable {
  static final String F_KEY = "key";
  static final String F_SCHOOL = "school";
  static final String F_POLICY_KEY = "policy_key";
  static final String F_TEXT = "text";
  static final String F_CONTEXT = "context";
  static final String F_VECTOR = "vector";
  static final String F_CLAUSE = "clause";
  /** The clause's own words embedded without its heading and lead-in. */
  static final String F_VECTOR_BARE = "vector_bare";

  /**
   * Changes whenever analysis, clause splitting, the embedding model or stored fields change, so an
   * index written by an older build is rebuilt rather than searched with mismatched terms (files
   * are only re-read when their hash changes).
   */
  static final String INDEX_VERSION = "15";

  /** Commit metadata key holding {@link #INDEX_VERSION}. */
  static final String VERSION_KEY = "policybot.index.version";

  /** Commit metadata key prefix holding each policy file's content hash. */
  static final String HASH_PREFIX = "hash:";

  /** Candidates taken from each retriever before fusion. */
  static final int CANDIDATES = 30;

  /**
   * Clauses keyword search scores in its one search, of which the first {@link #CANDIDATES} are
   * ranked: the rest only give their scores to clauses the embeddings found. A second search for
   * those took a sixth of a cached question's time, in setting up its query rather than scoring;
   * a seed school has at most a few hundred clauses, so this one search usually scores them all.
   */
  static final int KEYWORD_SCORED = 256;

  /**
   * Most clauses read to estimate a question's background cosine; a larger school is sampled
   * evenly. A school whose clauses are all read (under twice this many) is also ranked by scanning
   * their vectors rather than by HNSW search.
   */
  static final int BACKGROUND_SAMPLE = 512;

  /**
   * Most entries each of {@link #idfs} and {@link #termGroupsByQuestion} holds before it is emptied
   * and starts again: far more than a day's distinct questions need, and a few megabytes at most.
   */
  static final int MEMO_LIMIT = 10_000;

  /**
   * Reciprocal-rank-fusion constant. The RRF paper's 60 suits long TREC runs; here each search
   * gives 30 candidates and only the first three are cited, so a smaller constant lets a clause
   * that one search puts first and the other near the top beat one both put in the middle. Measured
   * on the four read question sets (eval, hybrid): 10 finds the right clause in the top three for
   * three more questions (dev, check, second) and first for one fewer (dev), with no escalation
   * changed; 5 and 20 did no better, 5 let two more unanswerable questions through. The blind sets
   * agreed (two more in the top three, one fewer first).
   */
  static final int RRF_K = 10;

  /** What a clause at {@code rank} (1-based) in one ranking adds to its fused score. */
  public static double reciprocalRank(int rank) {
    return 1.0 / (RRF_K + rank);
  }

  /**
   * Headings and list lead-ins count for less than the clause's own words: they place a clause but
   * every clause under the heading shares them.
   */
  static final float CONTEXT_BOOST = 0.35f;

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private final Directory directory;
  private final DirectoryReader reader;
  private final IndexSearcher searcher;
  private final Corpus corpus;
  private final Embedder embedder;
  private final Analyzer queryAnalyzer = PolicyAnalyzer.forQuery();
  private final Analyzer indexAnalyzer = PolicyAnalyzer.forIndex();
  private final Analyzer wordAnalyzer = PolicyAnalyzer.forWords();
  private final Map<String, Clause> clausesByKey;
  /** "school/policy" to content hash, as committed with this reader's index; fixed for its life. */
  private final Map<String, String> hashes;
  /**
   * A school's IDF of a word group, keyed by school and stems: a count query per group per
   * question took a twelfth of a cached question's time, and staff ask about the same few things.
   * This reader never changes, so an entry never goes stale.
   */
  private final Map<String, Double> idfs = new ConcurrentHashMap<>();

  /**
   * A question's word groups by question text (and whether framing words count): search, the key
   * sentence and the verdict each work them out, four analyses of the same words per question.
   */
  private final Map<String, TermGroups> termGroupsByQuestion = new ConcurrentHashMap<>();

  /** Each clause's indexed words, analysed once on first use: coverage reads them on every search. */
  private final Map<String, Set<String>> clauseWords = new ConcurrentHashMap<>();

  /** Whether each clause is a rule for pupils or parents ({@link Audience#addressedToOthers(Clause)}), worked out once. */
  private final Map<String, Boolean> othersRules = new ConcurrentHashMap<>();

  /**
   * Each school's clause vectors (all of them, or an even sample in a large school), copied out
   * when the index opens: this reader never changes, and reading them from the index on every
   * question cost more than the arithmetic, most of all on a school's first question.
   */
  private final Map<String, SchoolVectors> schoolVectors = new HashMap<>();
  /**
   * Each Lucene doc's clause key, read from its stored field on first use: this reader never
   * changes, and decompressing stored fields for every candidate of every question took a tenth of
   * a question's time once its vector was cached.
   */
  private final AtomicReferenceArray<String> keys;

  ClauseIndex(Directory directory, Corpus corpus, Embedder embedder) throws IOException {
    this.directory = directory;
    this.reader = DirectoryReader.open(directory);
    this.searcher = new IndexSearcher(reader);
    this.corpus = corpus;
    this.embedder = embedder;
    this.clausesByKey = corpus.clausesByKey();
    this.hashes = hashesIn(reader.getIndexCommit().getUserData());
    this.keys = new AtomicReferenceArray<>(reader.maxDoc());
    try {
      for (String school : corpus.schools().keySet()) {
        schoolVectors.put(school, schoolVectors(new TermQuery(new Term(F_SCHOOL, school))));
      }
    } catch (IOException | RuntimeException e) {
      reader.close();
      throw e;
    }
  }

  /** The schools and parsed policies this index was built from. */
  public Corpus corpus() {
    return corpus;
  }

  public Embedder embedder() {
    return embedder;
  }

  /** Number of clauses indexed. */
  public int size() {
    return reader.numDocs();
  }

  /** Bytes the index takes on disk. */
  public long sizeOnDisk() {
    long total = 0;
    try {
      for (String f : directory.listAll()) {
        total += directory.fileLength(f);
      }
    } catch (IOException e) {
      return -1;
    }
    return total;
  }

  /** The best {@code k} clauses of {@code school}'s policies for {@code question}. */
  public List<Hit> search(String school, String question, SearchMode mode, int k) {
    return candidates(school, question, mode).stream().limit(k).toList();
  }

  /**
   * Every clause either retriever put among its {@link #CANDIDATES}, best first by fused rank, each
   * with all its signals: a clause only keyword search found still gets its cosine, and one only
   * the embeddings found still gets its keyword score, so later checks compare like with like.
   */
  public List<Hit> candidates(String school, String question, SearchMode mode) {
    try {
      Query schoolFilter = new TermQuery(new Term(F_SCHOOL, school));
      Map<String, Float> bm25Scores = new HashMap<>();
      Map<String, Integer> docs = new HashMap<>();
      // the question's phrases as the policies word them, once for both searches
      String rewritten = PolicyAnalyzer.rewritePhrases(question);
      // the vector search always runs: its cosines feed the confidence check in every mode. The
      // widened form's model run starts now on the other core, and the keyword work below, which
      // needs no vector, is done meanwhile: on a quiet machine a first-time question with a widened
      // form took 0.2 ms less (median of paired asks of the development set, 30 rounds) and one
      // without 0.05 ms less; with both cores busy with other work, the same within 0.07 ms
      String widened = PolicyAnalyzer.expandForEmbedding(question, rewritten);
      Embedder.Queries embedding = embedder.startQueries(widened.equals(question) ? List.of(question) : List.of(question, widened));
      // keyword search always runs too: its score feeds the confidence check in every mode
      Optional<Query> keywordQuery = keywordQuery(schoolFilter, rewritten);
      Map<String, Integer> keyword = keywordQuery.isPresent() ? keywordRanks(keywordQuery.get(), bm25Scores, docs) : Map.of();
      Map<String, Integer> bm25 = mode == SearchMode.VECTOR ? Map.of() : keyword;
      TermGroups subject = termGroups(question, true);
      double[] idf = new double[subject.asked().size()];
      for (int i = 0; i < idf.length; i++) {
        idf[i] = idf(school, subject.asked().get(i));
      }
      boolean ownConduct = Audience.aboutOwnConduct(question);
      List<float[]> queries = embedding.join();
      float[] asked = queries.get(0);
      SchoolVectors sv = schoolVectors.getOrDefault(school, SchoolVectors.NONE);
      double[] askedCosines = sv.cosines(asked);
      // the widened form, when there is one, is compared with every clause too: for ranking and for the lift
      float[] widenedVector = queries.size() > 1 ? queries.get(1) : null;
      double[] widenedCosines = widenedVector != null && sv.complete() ? sv.cosines(widenedVector) : null;
      Map<String, Integer> vec =
          sv.complete() ? scannedRanks(sv, askedCosines, widenedCosines, docs) : vectorRanks(schoolFilter, queries, docs);
      Map<String, Double> fused = new LinkedHashMap<>();
      bm25.forEach((key, rank) -> fused.merge(key, reciprocalRank(rank), Double::sum));
      if (mode != SearchMode.BM25) {
        vec.forEach((key, rank) -> fused.merge(key, reciprocalRank(rank), Double::sum));
      }
      // each candidate's cosine as asked and as widened (minus infinity when not widened): from the
      // scan, or read from the index once for both
      Map<String, double[]> cosines = new HashMap<>();
      for (String key : fused.keySet()) {
        int doc = docs.get(key);
        int at = sv.complete() ? Arrays.binarySearch(sv.docs(), doc) : -1;
        cosines.put(
            key,
            at >= 0
                ? new double[] {askedCosines[at], widenedCosines == null ? Double.NEGATIVE_INFINITY : widenedCosines[at]}
                : storedCosines(doc, asked, widenedVector));
      }
      // fewer scored than asked for means every clause with a word of the question was scored
      if (keywordQuery.isPresent() && bm25Scores.size() >= KEYWORD_SCORED) {
        missingKeywordScores(keywordQuery.get(), fused.keySet(), bm25Scores);
      }
      Map<String, Clause> clauses = new HashMap<>();
      for (String key : fused.keySet()) {
        clauses.put(key, clause(key));
      }
      if (ownConduct) {
        fused.replaceAll((key, score) -> othersRules.computeIfAbsent(key, k -> Audience.addressedToOthers(clauses.get(k))) ? score * Audience.OTHERS_RULE_FACTOR : score);
      }
      // a synonym's own weight, looked up only when some candidate contains it
      Function<String, Double> synonymIdf = t -> idfOf(school, Set.of(t));
      double background = ReferenceBackground.of(asked);
      // the lift (Hit#lift) takes the better of asked and widened, each against its own background
      double widenedBackground = widenedVector == null ? 0 : ReferenceBackground.of(widenedVector);
      return fused.entrySet().stream()
          .map(
              e ->
                  new Hit(
                      clauses.get(e.getKey()),
                      e.getValue(),
                      bm25.getOrDefault(e.getKey(), 0),
                      vec.getOrDefault(e.getKey(), 0),
                      cosines.get(e.getKey())[0],
                      bm25Scores.getOrDefault(e.getKey(), 0f),
                      coverage(subject, idf, synonymIdf, clauses.get(e.getKey())),
                      background,
                      Math.max(cosines.get(e.getKey())[0] - background, cosines.get(e.getKey())[1] - widenedBackground)))
          .sorted(Hit.BEST_FIRST)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The inverse document frequency, among the school's clauses, of a clause containing any of
   * {@code terms}: a word the school's policies never use ("CCTV", "smartwatch") weighs most,
   * because a clause that lacks it is unlikely to answer the question however close it is in
   * meaning.
   */
  private double idf(String school, Set<String> terms) throws IOException {
    String key = school + "|" + String.join(" ", new TreeSet<>(terms));
    Double known = idfs.get(key);
    if (known != null) {
      return known;
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    for (String t : terms) {
      any.add(new TermQuery(new Term(F_TEXT, t)), Occur.SHOULD);
      any.add(new TermQuery(new Term(F_CONTEXT, t)), Occur.SHOULD);
    }
    Query q = new BooleanQuery.Builder().add(new TermQuery(new Term(F_SCHOOL, school)), Occur.FILTER).add(any.build(), Occur.MUST).build();
    double n = schoolVectors.getOrDefault(school, SchoolVectors.NONE).total();
    double df = searcher.count(q);
    double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    remember(idfs, key, idf);
    return idf;
  }

  /** Puts an entry in a memo, first emptying it if it has reached {@link #MEMO_LIMIT}. */
  private static <V> void remember(Map<String, V> memo, String key, V value) {
    if (memo.size() >= MEMO_LIMIT) {
      memo.clear();
    }
    memo.put(key, value);
  }

  /**
   * How rare among the school's clauses a question word (with its synonyms) is: its inverse
   * document frequency, so "at risk" outweighs "pupils" when choosing which sentence of a clause
   * answers.
   */
  public double rarity(String school, Set<String> terms) {
    return idfOf(school, terms);
  }

  /** {@link #idf} for a lambda: an I/O failure becomes unchecked. */
  private double idfOf(String school, Set<String> terms) {
    try {
      return idf(school, terms);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The IDF-weighted share of the question's word groups the clause contains. A group weighs what
   * the word as asked weighs ({@code idf}), not its synonyms: "netflix" is rare however common its
   * synonym "use" is, so a clause lacking every word of the group loses as much as for any rare
   * word. A group found only through a commoner word earns that word's weight at most, so a
   * clause that merely says "use" does not count as naming "netflix". Before this, a group weighed
   * what its commonest member did, and "netflix" (with "use") counted for next to nothing either
   * way. Measured with ConfidenceSweep: leave-one-school-out answerable escalated 0.186 to 0.174,
   * unanswerable escalated 0.895 both; development set unchanged (Confidence's weights still tie
   * for best there).
   */
  private double coverage(TermGroups subject, double[] idf, Function<String, Double> synonymIdf, Clause c) {
    List<Set<String>> groups = subject.groups();
    if (groups.isEmpty()) {
      return 0;
    }
    Set<String> words = clauseWords.computeIfAbsent(Corpus.key(c), k -> new HashSet<>(terms(c.text() + " " + context(c))));
    double all = 0;
    double found = 0;
    for (int i = 0; i < idf.length; i++) {
      double weight = idf[i];
      all += weight;
      Set<String> asked = subject.asked().get(i);
      if (asked.stream().anyMatch(words::contains)) {
        found += weight;
      } else {
        found += groups.get(i).stream().filter(words::contains).mapToDouble(t -> Math.min(weight, synonymIdf.apply(t))).max().orElse(0);
      }
    }
    return all == 0 ? 0 : found / all;
  }

  /**
   * The keyword query for a question within one school; empty when no word of it is searchable.
   *
   * @param words the question with its phrases rewritten ({@link PolicyAnalyzer#rewritePhrases})
   */
  private Optional<Query> keywordQuery(Query schoolFilter, String words) {
    QueryBuilder qb = new QueryBuilder(queryAnalyzer);
    Query text = qb.createBooleanQuery(F_TEXT, words);
    Query context = qb.createBooleanQuery(F_CONTEXT, words);
    if (text == null && context == null) {
      return Optional.empty();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder().add(schoolFilter, Occur.FILTER);
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    if (text != null) {
      any.add(text, Occur.SHOULD);
    }
    if (context != null) {
      any.add(new BoostQuery(context, CONTEXT_BOOST), Occur.SHOULD);
    }
    b.add(any.build(), Occur.MUST);
    return Optional.of(b.build());
  }

  private Map<String, Integer> keywordRanks(Query query, Map<String, Float> scores, Map<String, Integer> docs)
      throws IOException {
    ScoreDoc[] found = searcher.search(query, KEYWORD_SCORED).scoreDocs;
    Map<String, Integer> ranks = ranks(Arrays.copyOf(found, Math.min(CANDIDATES, found.length)), docs);
    for (ScoreDoc d : found) {
      scores.put(key(d.doc), d.score);
    }
    return ranks;
  }

  /**
   * The keyword scores of candidates below {@link #KEYWORD_SCORED} (0 when no word matches): only
   * in a school with more clauses than that.
   */
  private void missingKeywordScores(Query query, Set<String> keys, Map<String, Float> scores) throws IOException {
    List<BytesRef> missing = keys.stream().filter(key -> !scores.containsKey(key)).map(BytesRef::new).toList();
    if (missing.isEmpty()) {
      return;
    }
    Query only = new BooleanQuery.Builder().add(query, Occur.MUST).add(new TermInSetQuery(F_KEY, missing), Occur.FILTER).build();
    for (ScoreDoc d : searcher.search(only, missing.size()).scoreDocs) {
      scores.put(key(d.doc), d.score);
    }
  }

  /**
   * Ranks clauses by the best of two embeddings each (with and without its heading: a heading
   * places a list item but can also drown a short rule in its section's topic) against the question
   * as asked and, when the synonym list maps one of its words to the policies' wording ("facebook"
   * to "social networking"), the question with that wording added.
   *
   * @param queries the question's vector as asked, then its widened form's when it has one
   */
  private Map<String, Integer> vectorRanks(Query schoolFilter, List<float[]> queries, Map<String, Integer> docIds)
      throws IOException {
    Map<Integer, Float> best = new HashMap<>();
    for (float[] q : queries) {
      for (String field : List.of(F_VECTOR, F_VECTOR_BARE)) {
        for (ScoreDoc d : searcher.search(new KnnFloatVectorQuery(field, q, CANDIDATES, schoolFilter), CANDIDATES).scoreDocs) {
          best.merge(d.doc, d.score, Math::max);
        }
      }
    }
    ScoreDoc[] docs =
        best.entrySet().stream()
            .sorted(Map.Entry.<Integer, Float>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .limit(CANDIDATES)
            .map(e -> new ScoreDoc(e.getKey(), e.getValue()))
            .toArray(ScoreDoc[]::new);
    return ranks(docs, docIds);
  }

  /**
   * One school's clause vectors, headed and bare side by side: all of them, or in a school of
   * more than twice {@link #BACKGROUND_SAMPLE} clauses an even sample of that many.
   *
   * @param docs each clause's Lucene doc, ascending
   * @param total the school's clause count
   */
  private record SchoolVectors(int[] docs, float[][] headed, float[][] bare, int total) {
    static final SchoolVectors NONE = new SchoolVectors(new int[0], new float[0][], new float[0][], 0);

    /** Whether these are all the school's clauses rather than a sample. */
    boolean complete() {
      return docs.length == total;
    }

    /**
     * Each clause's best cosine (headed or bare) with {@code q}. Their mean is the background: a
     * question worded like the policies in general ("are pupils allowed to bring phones into
     * school?") is close to many clauses without any of them answering it, and the confidence
     * check counts only how far the best clause stands out above it.
     */
    double[] cosines(float[] q) {
      double[] out = new double[docs.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = Math.max(cosine(headed[i], q), cosine(bare[i], q));
      }
      return out;
    }
  }

  /**
   * {@link #vectorRanks} for a school whose vectors are all in memory: every clause compared with
   * the question directly, which is exact and took a third of the time that four filtered HNSW
   * searches did (they often fell back to comparing every clause anyway).
   *
   * @param askedCosines each clause's cosine with the question as asked, from {@link SchoolVectors#cosines}
   * @param widenedCosines the same for the question widened with the policies' words, null when it is not widened
   */
  private Map<String, Integer> scannedRanks(
      SchoolVectors sv, double[] askedCosines, double[] widenedCosines, Map<String, Integer> docIds)
      throws IOException {
    double[] best = askedCosines.clone();
    if (widenedCosines != null) {
      for (int i = 0; i < best.length; i++) {
        best[i] = Math.max(best[i], widenedCosines[i]);
      }
    }
    Integer[] order = new Integer[best.length];
    Arrays.setAll(order, i -> i);
    // best first; a tie goes to the earlier doc, as the HNSW path orders them
    Arrays.sort(order, (x, y) -> best[x] != best[y] ? Double.compare(best[y], best[x]) : Integer.compare(sv.docs()[x], sv.docs()[y]));
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int r = 0; r < Math.min(CANDIDATES, order.length); r++) {
      int i = order[r];
      String key = key(sv.docs()[i]);
      out.put(key, r + 1);
      docIds.put(key, sv.docs()[i]);
    }
    return out;
  }

  /**
   * A question's embedding ranks in a school found both ways, by the in-memory scan and by HNSW
   * search, so a test can check that a school too large to scan is ranked as a small one is.
   */
  List<Map<String, Integer>> vectorRanksBothWays(String school, String question) throws IOException {
    List<float[]> queries = embedder.embedQueries(List.of(question, PolicyAnalyzer.expandForEmbedding(question)));
    SchoolVectors sv = schoolVectors.get(school);
    Map<String, Integer> scanned = scannedRanks(sv, sv.cosines(queries.get(0)), sv.cosines(queries.get(1)), new HashMap<>());
    Map<String, Integer> searched = vectorRanks(new TermQuery(new Term(F_SCHOOL, school)), queries, new HashMap<>());
    return List.of(scanned, searched);
  }

  /**
   * The mean of every clause's vectors, with and without its heading averaged, over the schools
   * loaded (each school's sample, for one too large to scan): what {@link ReferenceBackground}
   * ships for the sample policies, recomputed by {@code ReferenceCentroid} in the test sources.
   */
  float[] meanClauseVector() {
    float[] sum = new float[Embedder.DIMENSIONS];
    int n = 0;
    for (SchoolVectors sv : schoolVectors.values()) {
      for (int i = 0; i < sv.docs().length; i++) {
        for (int d = 0; d < sum.length; d++) {
          sum[d] += (sv.headed()[i][d] + sv.bare()[i][d]) / 2f;
        }
        n++;
      }
    }
    for (int d = 0; d < sum.length; d++) {
      sum[d] /= Math.max(1, n);
    }
    return sum;
  }

  /** The school's clause vectors: all of them, or an even sample of {@link #BACKGROUND_SAMPLE}. */
  private SchoolVectors schoolVectors(Query schoolFilter) throws IOException {
    int total = searcher.count(schoolFilter);
    int step = Math.max(1, total / BACKGROUND_SAMPLE);
    ScoreDoc[] all = searcher.search(schoolFilter, Math.max(1, total)).scoreDocs;
    int[] docs = new int[(all.length + step - 1) / step];
    for (int i = 0; i < docs.length; i++) {
      docs[i] = all[i * step].doc;
    }
    Arrays.sort(docs);
    float[][] headed = new float[docs.length][];
    float[][] bare = new float[docs.length][];
    for (int i = 0; i < docs.length; i++) {
      // copies: the index may hand back one buffer that the next read overwrites
      headed[i] = copy(vector(docs[i], F_VECTOR));
      bare[i] = copy(vector(docs[i], F_VECTOR_BARE));
    }
    return new SchoolVectors(docs, headed, bare, total);
  }

  /**
   * The cosine of two of the model's vectors, which are of unit length (the mean-pooled vector
   * normalised, as langchain4j does), so it is their dot product: a third of the work of {@link
   * VectorUtil#cosine}, which works out both lengths again for every clause.
   */
  private static double cosine(float[] v, float[] q) {
    return v == null ? -1 : VectorUtil.dotProduct(q, v);
  }

  private static float[] copy(float[] v) {
    return v == null ? null : v.clone();
  }

  /** One clause's stored vector, valid until the next read; null when it has none. */
  private float[] vector(int doc, String field) throws IOException {
    for (LeafReaderContext leaf : reader.leaves()) {
      int local = doc - leaf.docBase;
      if (local < 0 || local >= leaf.reader().maxDoc()) {
        continue;
      }
      FloatVectorValues values = leaf.reader().getFloatVectorValues(field);
      return values == null || values.advance(local) != local ? null : values.vectorValue();
    }
    return null;
  }

  /**
   * One clause's best cosine (with or without its heading) with the question as asked and with its
   * widened form (minus infinity when there is none), each stored vector read once for both.
   */
  private double[] storedCosines(int doc, float[] asked, float[] widened) throws IOException {
    double[] out = {-1, widened == null ? Double.NEGATIVE_INFINITY : -1};
    for (String field : List.of(F_VECTOR, F_VECTOR_BARE)) {
      float[] v = vector(doc, field);
      out[0] = Math.max(out[0], cosine(v, asked));
      if (widened != null) {
        out[1] = Math.max(out[1], cosine(v, widened));
      }
    }
    return out;
  }

  /** Clause key to 1-based rank, in the docs' order; records each key's Lucene doc id in {@code docIds}. */
  private Map<String, Integer> ranks(ScoreDoc[] docs, Map<String, Integer> docIds) throws IOException {
    Map<String, Integer> out = new LinkedHashMap<>();
    int rank = 1;
    for (ScoreDoc d : docs) {
      String key = key(d.doc);
      out.put(key, rank++);
      docIds.put(key, d.doc);
    }
    return out;
  }

  /** The clause key of a Lucene doc of this reader. */
  private String key(int doc) throws IOException {
    String key = keys.get(doc);
    if (key == null) {
      key = searcher.storedFields().document(doc, Set.of(F_KEY)).get(F_KEY);
      keys.set(doc, key);
    }
    return key;
  }

  /**
   * Stemmed content words of a question, each with its synonyms. Synonyms are looked up on the
   * words as written, and on each pair of neighbouring words, so "social media" also counts as
   * covered by "social networking".
   */
  public List<Set<String>> questionTerms(String question) {
    return questionTerms(question, false);
  }

  /**
   * {@link #questionTerms(String)} without the words that only frame the question ("can",
   * "allowed", "ok"): what a clause must say to answer it, for coverage and the key sentence.
   */
  public List<Set<String>> subjectTerms(String question) {
    return questionTerms(question, true);
  }

  private List<Set<String>> questionTerms(String question, boolean subjectOnly) {
    return termGroups(question, subjectOnly).groups();
  }

  /**
   * A question's word groups ({@link #questionTerms(String)}) with, for each, the stems of the words
   * the person actually wrote, without the synonyms added to them.
   */
  private record TermGroups(List<Set<String>> groups, List<Set<String>> asked) {
    /** Immutable copies: one question's groups are memoised and handed to every caller. */
    TermGroups {
      groups = groups.stream().map(Set::copyOf).toList();
      asked = asked.stream().map(Set::copyOf).toList();
    }
  }

  private TermGroups termGroups(String question, boolean subjectOnly) {
    String key = (subjectOnly ? "subject|" : "all|") + question;
    TermGroups known = termGroupsByQuestion.get(key);
    if (known == null) {
      known = analyzeTermGroups(question, subjectOnly);
      remember(termGroupsByQuestion, key, known);
    }
    return known;
  }

  private TermGroups analyzeTermGroups(String question, boolean subjectOnly) {
    List<String> words = analyze(wordAnalyzer, PolicyAnalyzer.rewritePhrases(question));
    List<Set<String>> groups = new ArrayList<>();
    List<Set<String>> asked = new ArrayList<>();
    List<Integer> groupOfWord = new ArrayList<>();
    for (String word : words) {
      List<String> stems = analyze(indexAnalyzer, word);
      if (stems.isEmpty() || (subjectOnly && (PolicyAnalyzer.QUESTION_FRAMING.contains(word) || PolicyAnalyzer.TOPIC_NEUTRAL.contains(word)))) {
        groupOfWord.add(-1);
        continue;
      }
      String stem = stems.get(0);
      int at = -1;
      for (int g = 0; g < groups.size(); g++) {
        if (groups.get(g).contains(stem)) {
          at = g;
        }
      }
      if (at < 0) {
        groups.add(new HashSet<>());
        asked.add(new HashSet<>());
        at = groups.size() - 1;
      }
      groups.get(at).add(stem);
      asked.get(at).add(stem);
      groups.get(at).addAll(analyze(queryAnalyzer, word));
      groupOfWord.add(at);
    }
    for (int i = 0; i + 1 < words.size(); i++) {
      Set<String> pair = new HashSet<>(analyze(queryAnalyzer, words.get(i) + " " + words.get(i + 1)));
      pair.removeAll(analyze(queryAnalyzer, words.get(i)));
      pair.removeAll(analyze(queryAnalyzer, words.get(i + 1)));
      if (!pair.isEmpty()) {
        for (int w : List.of(i, i + 1)) {
          if (groupOfWord.get(w) >= 0) {
            groups.get(groupOfWord.get(w)).addAll(pair);
          }
        }
      }
    }
    return new TermGroups(groups, asked);
  }

  /** Stemmed words of a piece of text, as indexed. */
  public List<String> terms(String text) {
    return analyze(indexAnalyzer, text);
  }

  static String context(Clause c) {
    return String.join(" ", c.headings()) + " " + c.leadIn();
  }

  private static List<String> analyze(Analyzer analyzer, String text) {
    List<String> out = new ArrayList<>();
    try (TokenStream ts = analyzer.tokenStream(F_TEXT, text)) {
      CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
      ts.reset();
      while (ts.incrementToken()) {
        out.add(term.toString());
      }
      ts.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private Clause clause(String key) {
    Clause c = clausesByKey.get(key);
    if (c == null) {
      throw new IllegalStateException("index and corpus out of step at " + key);
    }
    return c;
  }

  /** Builds the Lucene document for one clause. */
  static Document toDocument(Clause c, float[] vector, float[] bare) throws IOException {
    Document d = new Document();
    d.add(new StringField(F_KEY, Corpus.key(c), Field.Store.YES));
    d.add(new StringField(F_SCHOOL, c.school(), Field.Store.NO));
    d.add(new StringField(F_POLICY_KEY, c.school() + "/" + c.policy(), Field.Store.NO));
    d.add(new TextField(F_TEXT, c.text(), Field.Store.NO));
    d.add(new TextField(F_CONTEXT, context(c), Field.Store.NO));
    d.add(new KnnFloatVectorField(F_VECTOR, vector, VectorSimilarityFunction.COSINE));
    d.add(new KnnFloatVectorField(F_VECTOR_BARE, bare, VectorSimilarityFunction.COSINE));
    // the clause itself is stored so an unchanged restart needs no re-parsing
    d.add(new StoredField(F_CLAUSE, JSON.writeValueAsString(c)));
    return d;
  }

  static Clause clauseFromJson(String json) throws IOException {
    return JSON.readValue(json, Clause.class);
  }

  /** Every stored clause, by policy ("school/policy"). */
  static Map<String, List<Clause>> storedClauses(Directory dir) throws IOException {
    Map<String, List<Clause>> out = new HashMap<>();
    if (!DirectoryReader.indexExists(dir)) {
      return out;
    }
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      IndexSearcher s = new IndexSearcher(r);
      StoredFields stored = s.storedFields();
      for (ScoreDoc d : s.search(new MatchAllDocsQuery(), Math.max(1, r.maxDoc())).scoreDocs) {
        Clause c = clauseFromJson(stored.document(d.doc).get(F_CLAUSE));
        out.computeIfAbsent(c.school() + "/" + c.policy(), k -> new ArrayList<>()).add(c);
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparingInt(Clause::ordinal)));
    return out;
  }

  static IndexWriter writer(Directory dir) throws IOException {
    IndexWriterConfig cfg = new IndexWriterConfig(PolicyAnalyzer.forIndex());
    cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    return new IndexWriter(dir, cfg);
  }

  static Directory open(Path dir) throws IOException {
    Files.createDirectories(dir);
    return FSDirectory.open(dir);
  }

  /** Every indexed policy's content hash, keyed "school/policy", as this index was built from. */
  public Map<String, String> policyHashes() {
    return Map.copyOf(hashes);
  }

  /**
   * Policy id to the SHA-256 of its file, for one school, as this index was built from: what a
   * ruling records so that it can be flagged when a policy it rests on changes.
   */
  public Map<String, String> policyHashes(String school) {
    Map<String, String> out = new HashMap<>();
    String prefix = school + "/";
    hashes.forEach((k, v) -> {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), v);
      }
    });
    return out;
  }

  static Map<String, String> hashes(Directory dir) throws IOException {
    Map<String, String> out = new HashMap<>();
    if (!DirectoryReader.indexExists(dir)) {
      return out;
    }
    try (DirectoryReader r = DirectoryReader.open(dir)) {
      if (!INDEX_VERSION.equals(r.getIndexCommit().getUserData().get(VERSION_KEY))) {
        return out; // written by another version: every policy counts as changed
      }
      return hashesIn(r.getIndexCommit().getUserData());
    }
  }

  /** The "school/policy" to content-hash entries of an index commit's user data. */
  private static Map<String, String> hashesIn(Map<String, String> userData) {
    Map<String, String> out = new HashMap<>();
    userData.forEach((k, v) -> {
      if (k.startsWith(HASH_PREFIX)) {
        out.put(k.substring(HASH_PREFIX.length()), v);
      }
    });
    return out;
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
  }
}
