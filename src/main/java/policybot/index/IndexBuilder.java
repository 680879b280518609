package policybot.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import policybot.corpus.Clause;
import policybot.corpus.ClauseSplitter;
import policybot.corpus.Corpus;
import policybot.corpus.CorpusLoader;
import policybot.corpus.DocumentText;
import policybot.corpus.PolicyDocument;
import policybot.corpus.PolicyMeta;
import policybot.corpus.School;

/**
 * Brings the on-disk index in step with the corpus folder. Only policy files whose content hash
 * changed are parsed and embedded again; a file that no longer parses keeps its last good version
 * in the index, so one broken upload never takes a policy offline.
 */
public final class IndexBuilder {
  /** Reads and parses policy files, one per core at a time. */
  private static final ExecutorService READERS = Pools.perCore("reader");

  /** Texts between two "embedded n/m" progress reports. */
  private static final int PROGRESS_EVERY = 128;

  private final CorpusLoader loader = new CorpusLoader();
  private final Embedder embedder;

  public IndexBuilder(Embedder embedder) {
    this.embedder = embedder;
  }

  /** What a refresh did, for logs and progress. */
  public record Summary(int policies, int reparsed, int removed, int clauses, long millis) {}

  /** Refreshes {@code indexDir} from {@code corpusRoot} and opens it for searching. */
  public ClauseIndex refresh(Path corpusRoot, Path indexDir, Progress progress) throws IOException {
    long start = System.nanoTime();
    List<String> problems = new ArrayList<>();
    List<School> schools = loader.readSchools(corpusRoot, problems);
    Directory dir = ClauseIndex.open(indexDir);
    Map<String, String> oldHashes = ClauseIndex.hashes(dir);
    Map<String, List<Clause>> stored = null; // read only if some policy is unchanged
    Map<String, List<PolicyDocument>> docs = new LinkedHashMap<>();
    Map<String, String> newHashes = new HashMap<>();
    List<PolicyDocument> toIndex = new ArrayList<>();
    int total = schools.stream().mapToInt(s -> s.policies().size()).sum();
    int seen = 0;
    List<CompletableFuture<Read>> reads = readAll(corpusRoot, schools, oldHashes);
    for (School school : schools) {
      List<PolicyDocument> schoolDocs = new ArrayList<>();
      for (PolicyMeta meta : school.policies()) {
        seen++;
        String policyKey = school.slug() + "/" + meta.id();
        Path file = corpusRoot.resolve(school.slug()).resolve(meta.file());
        if (!Files.isRegularFile(file)) {
          problems.add(school.slug() + "/" + meta.file() + ": listed in school.yml but not found");
          continue;
        }
        Read read = join(reads.get(seen - 1));
        String hash = read.hash();
        String oldHash = oldHashes.get(policyKey);
        if (hash.equals(oldHash)) {
          if (stored == null) {
            stored = ClauseIndex.storedClauses(dir);
          }
          List<Clause> clauses = stored.getOrDefault(policyKey, List.of());
          if (!clauses.isEmpty()) {
            schoolDocs.add(new PolicyDocument(school.slug(), meta, hash, clauses));
            newHashes.put(policyKey, hash);
            continue;
          }
        }
        progress.report(String.format("[%d/%d] reading %s/%s", seen, total, school.slug(), meta.file()));
        try {
          PolicyDocument parsed = read.parsed();
          // unchanged but missing from the index, so not parsed while reading: parse it now
          PolicyDocument doc = parsed != null ? parsed : loader.parse(school, meta, file, Files.readAllBytes(file));
          schoolDocs.add(doc);
          toIndex.add(doc);
          newHashes.put(policyKey, hash);
        } catch (DocumentText.UnreadableDocumentException e) {
          problems.add(school.slug() + "/" + e.getMessage());
          if (oldHash != null) {
            if (stored == null) {
              stored = ClauseIndex.storedClauses(dir);
            }
            List<Clause> previous = stored.getOrDefault(policyKey, List.of());
            if (!previous.isEmpty()) {
              problems.add(policyKey + ": still answering from the last version that could be read");
              schoolDocs.add(new PolicyDocument(school.slug(), meta, oldHash, previous));
              newHashes.put(policyKey, oldHash);
            }
          }
        }
      }
      docs.put(school.slug(), schoolDocs);
    }
    progress.phase("read", millisSince(start));
    List<String> removed = oldHashes.keySet().stream().filter(k -> !newHashes.containsKey(k)).toList();
    boolean fullRebuild = oldHashes.isEmpty();
    if (fullRebuild || !toIndex.isEmpty() || !removed.isEmpty() || !oldHashes.equals(newHashes)) {
      write(dir, toIndex, removed, newHashes, fullRebuild, progress);
    }
    problems.forEach(p -> progress.report("skipped " + p));
    long opening = System.nanoTime();
    Corpus corpus = new Corpus(mapOf(schools), docs, problems);
    ClauseIndex index = new ClauseIndex(dir, corpus, embedder);
    progress.phase("open", millisSince(opening));
    long millis = millisSince(start);
    progress.report(
        String.format(
            "index ready: %d schools, %d clauses, %d policies re-read, %d removed, %d ms",
            schools.size(), index.size(), toIndex.size(), removed.size(), millis));
    return index;
  }

  /**
   * A policy file's content hash and, when the hash is new, its parsed clauses or why it could not
   * be read.
   */
  private record Read(String hash, PolicyDocument document, DocumentText.UnreadableDocumentException unreadable) {
    /** The parsed document, or null when the file was unchanged and so not parsed. */
    PolicyDocument parsed() throws DocumentText.UnreadableDocumentException {
      if (unreadable != null) {
        throw unreadable;
      }
      return document;
    }
  }

  /**
   * Starts reading and hashing every listed file, in corpus order, and parsing those whose hash
   * changed, on all cores: files do not depend on each other, and Tika takes a while over a PDF or
   * a Word file. The caller takes the results in the same order, so progress and problems read as
   * they would one file at a time.
   */
  private List<CompletableFuture<Read>> readAll(Path corpusRoot, List<School> schools, Map<String, String> oldHashes) {
    List<CompletableFuture<Read>> reads = new ArrayList<>();
    for (School school : schools) {
      for (PolicyMeta meta : school.policies()) {
        Path file = corpusRoot.resolve(school.slug()).resolve(meta.file());
        String oldHash = oldHashes.get(school.slug() + "/" + meta.id());
        reads.add(CompletableFuture.supplyAsync(() -> read(school, meta, file, oldHash), READERS));
      }
    }
    return reads;
  }

  private Read read(School school, PolicyMeta meta, Path file, String oldHash) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String hash = CorpusLoader.sha256(bytes);
      if (hash.equals(oldHash)) {
        return new Read(hash, null, null);
      }
      embedder.warmUpInBackground(); // this file will need embedding: load the model while it parses
      try {
        return new Read(hash, loader.parse(school, meta, file, bytes), null);
      } catch (DocumentText.UnreadableDocumentException e) {
        return new Read(hash, null, e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Read join(CompletableFuture<Read> read) throws IOException {
    try {
      return read.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof UncheckedIOException io) {
        throw io.getCause();
      }
      throw e;
    }
  }

  private void write(
      Directory dir,
      List<PolicyDocument> toIndex,
      List<String> removed,
      Map<String, String> hashes,
      boolean fullRebuild,
      Progress progress)
      throws IOException {
    List<Clause> clauses = toIndex.stream().flatMap(d -> searchable(d).stream()).toList();
    // each clause is embedded with its heading and bare (see ClauseIndex.vectorRanks); a text
    // that appears more than once (a clause without a heading, a list item repeated across
    // policies) is embedded once, in one pass, so progress counts the real work. The writer opens
    // only once every vector is in: indexing while embedding was measured slower (4.6 s against
    // 5.2 s for the seed corpus), the indexing thread taking CPU from both embedding threads.
    List<String> headed = clauses.stream().map(IndexBuilder::embeddingText).toList();
    List<String> bareTexts = clauses.stream().map(Clause::text).toList();
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(concat(headed, bareTexts)));
    if (!unique.isEmpty()) {
      progress.report("embedding " + unique.size() + " texts for " + clauses.size() + " clauses (loading the model the first time)");
    }
    long embedding = System.nanoTime();
    int[] reported = {0}; // texts done at the last report; runs finish several texts at once
    List<float[]> embedded =
        embedder.embedAll(
            unique,
            done -> {
              if (done == unique.size() || done / PROGRESS_EVERY > reported[0] / PROGRESS_EVERY) {
                progress.report(String.format("embedded %d/%d texts", done, unique.size()));
                reported[0] = done;
              }
            });
    Map<String, float[]> byText = new HashMap<>();
    for (int i = 0; i < unique.size(); i++) {
      byText.put(unique.get(i), embedded.get(i));
    }
    List<float[]> vectors = headed.stream().map(byText::get).toList();
    List<float[]> bare = bareTexts.stream().map(byText::get).toList();
    progress.phase("embed", millisSince(embedding));
    long writing = System.nanoTime();
    try (IndexWriter w = ClauseIndex.writer(dir)) {
      if (fullRebuild) {
        w.deleteAll();
      }
      for (String key : removed) {
        w.deleteDocuments(new Term(ClauseIndex.F_POLICY_KEY, key));
      }
      for (PolicyDocument d : toIndex) {
        w.deleteDocuments(new Term(ClauseIndex.F_POLICY_KEY, d.school() + "/" + d.id()));
      }
      for (int i = 0; i < clauses.size(); i++) {
        w.addDocument(ClauseIndex.toDocument(clauses.get(i), vectors.get(i), bare.get(i)));
      }
      Map<String, String> userData = new HashMap<>();
      userData.put(ClauseIndex.VERSION_KEY, ClauseIndex.INDEX_VERSION);
      hashes.forEach((k, v) -> userData.put(ClauseIndex.HASH_PREFIX + k, v));
      w.setLiveCommitData(userData.entrySet());
      w.commit();
    }
    progress.phase("write", millisSince(writing));
  }

  /**
   * The clauses worth searching: a contents list ("A. The use of social networking sites within
   * school.") repeats the section headings and would outrank the rules under them, so an item
   * whose words are exactly a heading of the same policy stays on the page but out of search.
   */
  static List<Clause> searchable(PolicyDocument d) {
    java.util.Set<String> headings = new java.util.HashSet<>();
    d.clauses().forEach(c -> c.headings().forEach(h -> headings.add(ClauseSplitter.key(h))));
    return d.clauses().stream().filter(c -> !headings.contains(ClauseSplitter.key(c.text()))).toList();
  }

  /**
   * The text embedded for a clause: its section and lead-in give the model the topic that a bare
   * list item ("Chain letters") leaves out.
   */
  static String embeddingText(Clause c) {
    String context = ClauseIndex.context(c).strip();
    return context.isEmpty() ? c.text() : context + ": " + c.text();
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  private static Map<String, School> mapOf(List<School> schools) {
    Map<String, School> m = new LinkedHashMap<>();
    schools.forEach(s -> m.put(s.slug(), s));
    return m;
  }
}
