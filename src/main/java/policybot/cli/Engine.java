package policybot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import policybot.answer.AnswerService;
import policybot.answer.Question;
import policybot.config.Config;
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
    ClauseIndex index =
        new IndexBuilder(embedder)
            .refresh(
                config.corpus(),
                config.data().resolve("index"),
                m -> {
                  if (verbose || m.startsWith("skipped")) {
                    err.println(m);
                    err.flush();
                  }
                });
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
   * Asks each school the {@link #WARM_UP_QUESTIONS} and drops the answers. The first answers in a
   * fresh JVM pay class loading, cold caches and uncompiled code that a person asking a running
   * server never sees, and {@code batch} reports each answer's latency as the server would have it.
   * One round (30 asks, a few tenths of a second) took the development set's median from 17-20 to
   * 14-15 ms and its 99th percentile from 47-56 to 31-33 ms; more rounds gained little.
   */
  void warmUp() {
    for (String school : index.corpus().schools().keySet()) {
      for (String q : WARM_UP_QUESTIONS) {
        answers.ask(new Question(school, q, Optional.empty()));
      }
    }
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
