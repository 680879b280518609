package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.TestEngine;
import policybot.index.ClauseIndex;
import policybot.index.SearchMode;

/** The live index on a one-policy corpus of its own, small enough to rebuild in a moment. */
class LiveIndexTest {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration GRACE = Duration.ofMillis(500);
  private static final Duration WAIT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Path corpus;
  private Path policy;

  @BeforeEach
  void writeCorpus() throws IOException {
    corpus = dir.resolve("corpus");
    Path school = Files.createDirectories(corpus.resolve("test-school"));
    Files.writeString(
        school.resolve("school.yml"),
        "name: Test School\npolicies:\n  - id: phones\n    file: phones.md\n    title: Phones Policy\n",
        StandardCharsets.UTF_8);
    policy = school.resolve("phones.md");
    Files.writeString(policy, "# Phones\n\nStaff must not use personal phones in class.\n", StandardCharsets.UTF_8);
  }

  @Test
  void should_swap_in_a_rebuilt_index_and_close_the_old_one_after_a_grace_period() throws Exception {
    try (LiveIndex live = LiveIndex.start(corpus, dir.resolve("index"), POLL, GRACE, TestEngine.embedder())) {
      assertThat(live.awaitReady(WAIT)).isTrue();
      ClauseIndex old = live.get();

      Files.writeString(policy, "\nStaff may use the school iPads on trips.\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      await(() -> live.generation() == 2);

      ClauseIndex fresh = live.get();
      assertThat(fresh).isNotSameAs(old);
      assertThat(fresh.search("test-school", "ipads on trips", SearchMode.BM25, 1).get(0).clause().text())
          .isEqualTo("Staff may use the school iPads on trips.");
      assertThat(old.search("test-school", "personal phones", SearchMode.BM25, 1)).isNotEmpty();
      await(() -> isClosed(old));
    }
  }

  @Test
  void should_keep_serving_the_old_index_when_a_rebuild_fails() throws Exception {
    try (LiveIndex live = LiveIndex.start(corpus, dir.resolve("index"), POLL, GRACE, TestEngine.embedder())) {
      assertThat(live.awaitReady(WAIT)).isTrue();
      ClauseIndex serving = live.get();

      // the whole folder goes away, say an unmounted share: the build fails
      Files.move(corpus, dir.resolve("away"));
      Thread.sleep(POLL.multipliedBy(5).toMillis());

      assertThat(live.get()).isSameAs(serving);
      assertThat(live.isReady()).isTrue();

      // and when it comes back with a change, that change is built
      Files.move(dir.resolve("away"), corpus);
      Files.writeString(policy, "\nStaff may use the school iPads on trips.\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      await(() -> live.generation() == 2);
      assertThat(live.get().size()).isEqualTo(2);
    }
  }

  @Test
  void should_not_be_ready_before_the_first_build() {
    try (LiveIndex live = LiveIndex.start(dir.resolve("nothing-here"), dir.resolve("index"), Duration.ZERO, TestEngine.embedder())) {
      assertThat(live.isReady()).isFalse();
      assertThat(live.current()).isEmpty();
      org.assertj.core.api.Assertions.assertThatThrownBy(live::get).isInstanceOf(LiveIndex.NotReadyException.class);
    }
  }

  private static boolean isClosed(ClauseIndex index) {
    try {
      index.search("test-school", "personal phones", SearchMode.BM25, 1);
      return false;
    } catch (RuntimeException e) {
      return true;
    }
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within " + WAIT);
      }
      Thread.sleep(20);
    }
  }
}
