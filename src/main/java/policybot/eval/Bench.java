package policybot.eval;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import policybot.answer.AnswerService;
import policybot.answer.Question;
import policybot.corpus.Clause;
import policybot.corpus.Corpus;
import policybot.corpus.CorpusLoader;
import policybot.index.ClauseIndex;
import policybot.index.Embedder;
import policybot.index.IndexBuilder;
import policybot.index.Progress;

/** Measures index build, restart and answer latency; medians of repeated runs on this machine. */
public final class Bench {
  /** Timed questions per latency run, after one untimed pass to warm the JIT and caches. */
  static final int LATENCY_ROUNDS = 5;

  /**
   * Rounds of first asks, each question timed with the question-vector cache emptied just before:
   * fewer than {@link #LATENCY_ROUNDS} because every one pays the embedding.
   */
  static final int FIRST_ASK_ROUNDS = 2;

  private Bench() {}

  /**
   * The figures of one corpus. {@code p50Millis}/{@code p99Millis} are asks whose question vectors
   * are cached (a question asked before); {@code firstP50Millis}/{@code firstP99Millis} are asks that
   * embed the question first. {@code coldPhases} splits the cold build by phase, in order.
   */
  public record Figures(
      String corpus,
      int clauses,
      long modelLoadMillis,
      long coldBuildMillis,
      Map<String, Long> coldPhases,
      long restartMillis,
      double p50Millis,
      double p99Millis,
      double firstP50Millis,
      double firstP99Millis) {
    public Figures {
      coldPhases = Collections.unmodifiableMap(new LinkedHashMap<>(coldPhases)); // keeps phase order
    }
  }

  public static Figures run(String label, Path corpus, Path work, List<EvalQuestion> questions, PrintWriter out) throws IOException {
    Embedder embedder = new Embedder();
    long t0 = System.nanoTime();
    embedder.warmUp();
    long modelMillis = millisSince(t0);
    Path index = work.resolve("index-" + label);
    long t1 = System.nanoTime();
    Map<String, Long> phases = new LinkedHashMap<>();
    Progress progress =
        new Progress() {
          @Override
          public void report(String m) {
            if (m.startsWith("embedded") || m.startsWith("index ready")) {
              out.println("  " + m);
              out.flush();
            }
          }

          @Override
          public void phase(String name, long millis) {
            phases.put(name, millis);
          }
        };
    new IndexBuilder(embedder).refresh(corpus, index, progress).close();
    long cold = millisSince(t1);
    long t2 = System.nanoTime();
    ClauseIndex idx = new IndexBuilder(embedder).refresh(corpus, index, Progress.silent());
    long restart = millisSince(t2);
    AnswerService answers = new AnswerService(() -> idx, "http://localhost:8080", Clock.systemDefaultZone());
    List<Question> qs = new ArrayList<>();
    List<String> schools = new ArrayList<>(idx.corpus().schools().keySet());
    for (int i = 0; i < questions.size(); i++) {
      EvalQuestion q = questions.get(i);
      String school = idx.corpus().schools().containsKey(q.school()) ? q.school() : schools.get(i % schools.size());
      qs.add(Question.of(school, q.question()));
    }
    qs.forEach(answers::ask);
    double[] lat = new double[qs.size() * LATENCY_ROUNDS];
    int n = 0;
    for (int r = 0; r < LATENCY_ROUNDS; r++) {
      for (Question q : qs) {
        long s = System.nanoTime();
        answers.ask(q);
        lat[n++] = (System.nanoTime() - s) / 1e6;
      }
    }
    double[] first = new double[qs.size() * FIRST_ASK_ROUNDS];
    n = 0;
    for (int r = 0; r < FIRST_ASK_ROUNDS; r++) {
      for (Question q : qs) {
        embedder.forgetQueries();
        long s = System.nanoTime();
        answers.ask(q);
        first[n++] = (System.nanoTime() - s) / 1e6;
      }
    }
    Figures f =
        new Figures(
            label,
            idx.size(),
            modelMillis,
            cold,
            phases,
            restart,
            Evaluation.percentile(lat, 50),
            Evaluation.percentile(lat, 99),
            Evaluation.percentile(first, 50),
            Evaluation.percentile(first, 99));
    idx.close();
    return f;
  }

  /**
   * Writes a corpus of {@code policies} policies made by recombining the real clauses, spread over
   * schools of {@code perSchool} policies each, so the index sees realistic text at scale.
   */
  public static Path generate(Path seed, Path target, int policies, int perSchool, int clausesPerPolicy, long randomSeed) throws IOException {
    Corpus real = new CorpusLoader().load(seed);
    List<Clause> pool = new ArrayList<>(real.clausesByKey().values());
    pool.sort(java.util.Comparator.comparing(Corpus::key));
    Random rnd = new Random(randomSeed);
    int schools = (policies + perSchool - 1) / perSchool;
    for (int s = 0; s < schools; s++) {
      String slug = "school-" + (s + 1);
      Path dir = Files.createDirectories(target.resolve(slug));
      StringBuilder yml = new StringBuilder("name: Generated School " + (s + 1) + "\npolicies:\n");
      for (int p = 0; p < perSchool && s * perSchool + p < policies; p++) {
        String id = "policy-" + (p + 1);
        StringBuilder text = new StringBuilder("# Generated policy " + (p + 1) + "\n\n");
        String heading = "";
        for (int c = 0; c < clausesPerPolicy; c++) {
          Clause clause = pool.get(rnd.nextInt(pool.size()));
          if (!clause.section().equals(heading) && !clause.headings().isEmpty()) {
            heading = clause.section();
            text.append("\n## ").append(clause.headings().get(clause.headings().size() - 1)).append("\n\n");
          }
          text.append("- ").append(clause.text()).append('\n');
        }
        Files.writeString(dir.resolve(id + ".md"), text, StandardCharsets.UTF_8);
        yml.append("  - id: ").append(id).append("\n    file: ").append(id).append(".md\n    title: Generated policy ").append(p + 1).append('\n');
      }
      Files.writeString(dir.resolve("school.yml"), yml, StandardCharsets.UTF_8);
    }
    return target;
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
