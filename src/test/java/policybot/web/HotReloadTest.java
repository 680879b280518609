package policybot.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.index.LiveIndex;

/**
 * Changing a file in the corpus folder is picked up while the server runs: the new clause is
 * answered, questions never stop being answered, and a broken file leaves its old version serving.
 */
class HotReloadTest {
  private static final String POLICY = "moorthorpe/acceptable-use-of-technology.txt";
  private static final String NEW_CLAUSE = "Staff may bring a well-behaved pet llama to school on Fridays.";
  private static final Map<String, String> LLAMA_QUESTION =
      Map.of("school", "moorthorpe", "question", "can I bring my pet llama to school on a Friday?");

  /** Polling this often keeps the test short; the settle pause and the rebuild add the rest. */
  private static final Duration POLL = Duration.ofMillis(200);

  /** Longest wait for a rebuild to be swapped in. */
  private static final Duration SWAP_TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private Path corpus;
  private LiveIndex index;
  private WebServer server;
  private WebFixture.Http http;

  @BeforeEach
  void start() throws Exception {
    corpus = WebFixture.copyCorpus(dir);
    index = WebFixture.startIndex(corpus, dir.resolve("index"), POLL);
    server = WebFixture.start(index);
    http = new WebFixture.Http(server);
  }

  @AfterEach
  void stop() {
    server.close();
    index.close();
  }

  @Test
  void should_answer_from_a_changed_file_and_keep_its_last_good_version_when_it_breaks() throws Exception {
    assertThat(citedTexts(http.answer(LLAMA_QUESTION))).noneMatch(t -> t.contains("llama"));

    // when a clause is added, with questions arriving all through the rebuild
    List<Integer> statuses = new CopyOnWriteArrayList<>();
    AtomicBoolean asking = new AtomicBoolean(true);
    Thread asker =
        new Thread(
            () -> {
              while (asking.get()) {
                try {
                  statuses.add(http.ask(Map.of("school", "glais", "question", "can i take photos on my phone")).statusCode());
                } catch (Exception e) {
                  statuses.add(-1);
                }
              }
            });
    asker.start();
    long before = index.generation();
    Files.writeString(corpus.resolve(POLICY), "\n" + NEW_CLAUSE + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    awaitSwapAfter(before);
    asking.set(false);
    asker.join();

    // then it is answered, and no question failed meanwhile
    assertThat(citedTexts(http.answer(LLAMA_QUESTION))).anyMatch(t -> t.contains(NEW_CLAUSE));
    assertThat(statuses).isNotEmpty().containsOnly(200);

    // when the file is broken
    long beforeBreak = index.generation();
    Files.writeString(corpus.resolve(POLICY), "   \n", StandardCharsets.UTF_8);
    awaitSwapAfter(beforeBreak);

    // then the last good version, with the new clause, is still answered and shown
    assertThat(citedTexts(http.answer(LLAMA_QUESTION))).anyMatch(t -> t.contains(NEW_CLAUSE));
    HttpResponse<String> page = http.get("/policies/moorthorpe/acceptable-use-of-technology");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(NEW_CLAUSE).contains("No staff, Governors or visitors will disclose any passwords");
    assertThat(index.get().corpus().problems()).anyMatch(p -> p.contains("acceptable-use-of-technology"));
  }

  @Test
  void should_pick_up_a_new_school() throws Exception {
    Path school = corpus.resolve("llama-academy");
    Files.createDirectories(school);
    Files.writeString(
        school.resolve("school.yml"),
        "name: Llama Academy\npolicies:\n  - id: animals\n    file: animals.md\n    title: Animals in School Policy\n",
        StandardCharsets.UTF_8);
    long before = index.generation();
    Files.writeString(school.resolve("animals.md"), "# Animals\n\n" + NEW_CLAUSE + "\n", StandardCharsets.UTF_8);
    awaitSwapAfter(before);
    while (index.get().corpus().school("llama-academy").isEmpty()) {
      awaitSwapAfter(index.generation());
    }

    assertThat(http.get("/policies/llama-academy/animals").body()).contains(NEW_CLAUSE);
    assertThat(http.get("/").body()).contains("<option value=\"llama-academy\"");
  }

  private void awaitSwapAfter(long generation) throws InterruptedException {
    long deadline = System.nanoTime() + SWAP_TIMEOUT.toNanos();
    while (index.generation() <= generation) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no new index within " + SWAP_TIMEOUT);
      }
      Thread.sleep(50);
    }
  }

  private static List<String> citedTexts(JsonNode answer) {
    return java.util.stream.StreamSupport.stream(answer.get("clauses").spliterator(), false)
        .map(c -> c.get("text").asText())
        .toList();
  }
}
