package policybot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
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
  /** An everyday question that goes the whole way through search, confidence and verdict. */
  static final String WARM_UP_QUESTION = "can I use my own phone to take photos on a school trip?";

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
   * Asks each school one question and drops the answers. The first answers in a fresh JVM pay class
   * loading and cold caches that a person asking a running server never sees, and {@code batch}
   * reports each answer's latency as the server would have it.
   */
  void warmUp() {
    for (String school : index.corpus().schools().keySet()) {
      answers.ask(new Question(school, WARM_UP_QUESTION, Optional.empty()));
    }
  }

  @Override
  public void close() throws IOException {
    index.close();
  }
}
