package policybot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
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
   * Most questions the warm-up asks. Latency in a fresh JVM keeps falling for a few hundred
   * questions as the JIT compiles search, scoring and verdict code. On the development set (2
   * cores, a fresh JVM per run, three alternating runs) the 30 everyday asks alone gave a median of
   * 9-15.5 ms; this warm-up (286 asks on the seed corpus, about 1.5 s) gave 6-8 ms.
   */
  static final int WARM_UP_ASKS = 300;

  /** The warm-up stops after this whatever it has asked, so a slow machine or huge corpus waits no longer. */
  static final Duration WARM_UP_BUDGET = Duration.ofSeconds(4);

  /** Opening words of a clause asked as a warm-up question: about as long as staff questions are. */
  static final int WARM_UP_WORDS = 12;

  /**
   * Asks up to {@link #WARM_UP_ASKS} questions and drops the answers, so the answers that follow
   * are timed as a running server would give them, not as a fresh JVM's first ones: those pay class
   * loading, cold caches and uncompiled code, which a person asking a running server never sees.
   * The questions are the {@link #WARM_UP_QUESTIONS} for each school, then the opening words of the
   * schools' clauses in turn: varied wording, each new to the question-vector cache, and nothing
   * from any question set.
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

  /** What {@link #warmUp} asks, in order, at most {@link #WARM_UP_ASKS}. */
  List<Question> warmUpQuestions() {
    List<Question> out = new ArrayList<>();
    List<Iterator<Clause>> schools = new ArrayList<>();
    for (String school : index.corpus().schools().keySet()) {
      WARM_UP_QUESTIONS.forEach(q -> out.add(new Question(school, q, Optional.empty())));
      schools.add(index.corpus().documents(school).stream().flatMap(d -> d.clauses().stream()).iterator());
    }
    while (out.size() < WARM_UP_ASKS && schools.stream().anyMatch(Iterator::hasNext)) {
      for (Iterator<Clause> clauses : schools) {
        if (clauses.hasNext() && out.size() < WARM_UP_ASKS) {
          Clause c = clauses.next();
          List<String> words = List.of(c.text().strip().split("\\s+"));
          out.add(new Question(c.school(), String.join(" ", words.subList(0, Math.min(WARM_UP_WORDS, words.size()))), Optional.empty()));
        }
      }
    }
    return out.subList(0, Math.min(WARM_UP_ASKS, out.size()));
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
