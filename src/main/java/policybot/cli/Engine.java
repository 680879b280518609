package policybot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import policybot.answer.AnswerService;
import policybot.answer.Question;
import policybot.config.Config;
import policybot.corpus.Clause;
import policybot.index.ClauseIndex;
import policybot.index.Embedder;
import policybot.index.IndexBuilder;
import policybot.index.SearchMode;

/** The index and answering service a command works with, opened from config. */
record Engine(Config config, ClauseIndex index, AnswerService answers) implements AutoCloseable {
  /**
   * Everyday questions that go the whole way through search, confidence and verdict, each new to
   * the question-vector cache so the model runs too.
   */
  static final List<String> WARM_UP_QUESTIONS =
      List.of(
          "can I use my own phone to take photos on a school trip?",
          "am I allowed to accept a friend request from a parent?",
          "can I take my school laptop home at the weekend?",
          "who do I tell if I see something inappropriate online?",
          "can I check my personal email at lunchtime?",
          "is it ok to put pictures of the class on social media?");

  /**
   * Opens (refreshing if files changed) the index, printing progress to {@code err}. The model loads
   * alongside (opening an unchanged index does not need it), so the first question does not wait
   * for it.
   */
  static Engine open(Config config, PrintWriter err, boolean verbose, SearchMode mode) throws IOException {
    Embedder embedder = new Embedder();
    CompletableFuture<Void> warm = embedder.warmUpInBackground();
    ClauseIndex index = openIndex(config, err, verbose, embedder);
    try {
      warm.join();
    } catch (CompletionException e) {
      index.close();
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    AnswerService answers =
        new AnswerService(() -> index, config.linkBase(), Clock.systemDefaultZone(), new policybot.answer.TemplateComposer(), mode);
    return new Engine(config, index, answers);
  }

  /**
   * Opens the index, first refreshing it for files that changed. The model loads only if a file
   * needs embedding: an unchanged restart then takes a fraction of a second rather than the second
   * the model takes to load.
   */
  static ClauseIndex openIndex(Config config, PrintWriter err, boolean verbose, Embedder embedder) throws IOException {
    return new IndexBuilder(embedder)
        .refresh(
            config.corpus(),
            config.data().resolve("index"),
            m -> {
              if (verbose || m.startsWith("skipped")) {
                err.println(m);
                err.flush();
              }
            });
  }

  /**
   * Most questions the warm-up asks. Latency in a fresh JVM keeps falling for several hundred
   * questions as the JIT compiles search, scoring and verdict code. On the development set (2
   * cores, a fresh JVM per run, alternating runs) the 30 everyday asks alone left a median of
   * 9-9.5 ms; one pass over the seed corpus's clauses (286 asks) gave 7 ms and two passes (532
   * asks, about 3 s) 6 ms; more gained nothing.
   */
  static final int WARM_UP_ASKS = 600;

  /** The warm-up stops after this whatever it has asked, so a slow machine or huge corpus waits no longer. */
  static final Duration WARM_UP_BUDGET = Duration.ofSeconds(5);

  /** Words of a clause asked as a warm-up question: about as long as staff questions are. */
  static final int WARM_UP_WORDS = 12;

  /**
   * Asks up to {@link #WARM_UP_ASKS} questions and drops the answers, so the answers that follow
   * are timed as a running server would give them, not as a fresh JVM's first ones: those pay class
   * loading, cold caches and uncompiled code, which a person asking a running server never sees.
   */
  void warmUp() {
    long end = System.nanoTime() + WARM_UP_BUDGET.toNanos();
    for (Question q : warmUpQuestions()) {
      if (System.nanoTime() > end) {
        return;
      }
      answers.ask(q);
    }
  }

  /**
   * What {@link #warmUp} asks, in order, at most {@link #WARM_UP_ASKS}: the {@link
   * #WARM_UP_QUESTIONS} for each school, then each clause's opening words, then its closing words
   * asked as "can I ...?" so that yes/no reading runs too, the schools taking turns. Varied
   * wording, each new to the question-vector cache, and nothing from any question set.
   */
  List<Question> warmUpQuestions() {
    List<Question> out = new ArrayList<>();
    List<List<Clause>> bySchool = new ArrayList<>();
    for (String school : index.corpus().schools().keySet()) {
      WARM_UP_QUESTIONS.forEach(q -> out.add(new Question(school, q, Optional.empty())));
      bySchool.add(index.corpus().documents(school).stream().flatMap(d -> d.clauses().stream()).toList());
    }
    int longest = bySchool.stream().mapToInt(List::size).max().orElse(0);
    for (boolean opening : List.of(true, false)) {
      for (int i = 0; i < longest && out.size() < WARM_UP_ASKS; i++) {
        for (List<Clause> clauses : bySchool) {
          if (i < clauses.size() && out.size() < WARM_UP_ASKS) {
            out.add(warmUpQuestion(clauses.get(i), opening));
          }
        }
      }
    }
    return out.subList(0, Math.min(WARM_UP_ASKS, out.size()));
  }

  private static Question warmUpQuestion(Clause c, boolean opening) {
    List<String> words = List.of(c.text().strip().split("\\s+"));
    int n = Math.min(WARM_UP_WORDS, words.size());
    String text =
        opening
            ? String.join(" ", words.subList(0, n))
            : "can I " + String.join(" ", words.subList(words.size() - n, words.size())) + "?";
    return new Question(c.school(), text, Optional.empty());
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
