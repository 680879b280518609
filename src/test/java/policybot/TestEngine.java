package policybot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import policybot.answer.AnswerService;
import policybot.index.LiveIndex;
import policybot.index.ClauseIndex;
import policybot.index.Embedder;
import policybot.index.IndexBuilder;
import policybot.index.Progress;

/**
 * One real index built from the real {@code corpus/}, shared by the tests in a JVM because the
 * embedding model takes a second or two to load.
 */
public final class TestEngine {
  /** Fixed "today" so review-date warnings do not change with the calendar. */
  public static final Clock CLOCK = Clock.fixed(LocalDate.of(2026, 11, 23).atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

  public static final String BASE = "http://policies.test";
  public static final Path CORPUS = Path.of("corpus");

  /** A cold build on a 2-core machine takes seconds; this leaves room for a busy CI box. */
  public static final Duration BUILD_TIMEOUT = Duration.ofMinutes(3);

  private static ClauseIndex index;
  private static LiveIndex live;
  private static final Embedder EMBEDDER = new Embedder();

  private TestEngine() {}

  public static synchronized ClauseIndex index() {
    if (index == null) {
      try {
        Path data = Files.createTempDirectory("policybot-test-index");
        index = new IndexBuilder(EMBEDDER).refresh(CORPUS, data, Progress.silent());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return index;
  }

  /**
   * The real corpus behind a live index, as a server holds it, loaded once per JVM and shared by
   * the web and review-page tests.
   */
  public static synchronized LiveIndex liveIndex() {
    if (live == null) {
      try {
        live = LiveIndex.start(CORPUS, Files.createTempDirectory("policybot-live-index"), Duration.ZERO, EMBEDDER);
        if (!live.awaitReady(BUILD_TIMEOUT)) {
          throw new IllegalStateException("the live index of " + CORPUS + " did not load");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(live::close));
    }
    return live;
  }

  /** The shared model, so tests that build their own index do not load it again. */
  public static Embedder embedder() {
    return EMBEDDER;
  }

  public static AnswerService answers() {
    return new AnswerService(TestEngine::index, BASE, CLOCK);
  }
}
