package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import policybot.TestEngine;

class IndexBuilderTest {
  @TempDir Path tmp;

  private Path copyCorpus() throws IOException {
    Path target = tmp.resolve("corpus");
    try (Stream<Path> files = Files.walk(TestEngine.CORPUS)) {
      for (Path p : files.toList()) {
        Path to = target.resolve(TestEngine.CORPUS.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    }
    return target;
  }

  /** Keeps the messages and the names of the timed phases, in the order reported. */
  private static Progress recording(List<String> messages, List<String> phases) {
    return new Progress() {
      @Override
      public void report(String message) {
        messages.add(message);
      }

      @Override
      public void phase(String name, long millis) {
        assertThat(millis).isNotNegative();
        phases.add(name);
      }
    };
  }

  @Test
  void should_reread_only_the_files_that_changed() throws IOException {
    Path corpus = copyCorpus();
    Path data = tmp.resolve("index");
    IndexBuilder builder = new IndexBuilder(TestEngine.embedder());
    List<String> first = new ArrayList<>();
    List<String> firstPhases = new ArrayList<>();
    try (ClauseIndex idx = builder.refresh(corpus, data, recording(first, firstPhases))) {
      assertThat(first).filteredOn(m -> m.contains("reading")).hasSize(5);
      assertThat(firstPhases).containsExactly("read", "embed", "write", "open");
    }
    List<String> second = new ArrayList<>();
    List<String> secondPhases = new ArrayList<>();
    java.util.Map<String, String> eyrescroftBefore;
    try (ClauseIndex idx = builder.refresh(corpus, data, recording(second, secondPhases))) {
      eyrescroftBefore = idx.policyHashes("eyrescroft");
      assertThat(eyrescroftBefore).hasSize(1).allSatisfy((k, v) -> assertThat(v).matches("[0-9a-f]{64}"));
      assertThat(second).noneMatch(m -> m.contains("reading"));
      assertThat(secondPhases).as("nothing changed, so nothing is embedded or written").containsExactly("read", "open");
      assertThat(idx.size()).isEqualTo(TestEngine.index().size());
    }
    Path eyrescroft = corpus.resolve("eyrescroft/acceptable-use-agreement.txt");
    Files.writeString(eyrescroft, "\n· I will not let pupils feed the school tortoise chocolate.\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    List<String> third = new ArrayList<>();
    try (ClauseIndex idx = builder.refresh(corpus, data, third::add)) {
      assertThat(third).filteredOn(m -> m.contains("reading")).singleElement().asString().contains("eyrescroft");
      assertThat(idx.policyHashes("eyrescroft")).hasSize(1).isNotEqualTo(eyrescroftBefore);
      assertThat(idx.policyHashes("no-such-school")).isEmpty();
      assertThat(idx.search("eyrescroft", "can pupils give the tortoise chocolate", SearchMode.HYBRID, 1).get(0).clause().text())
          .contains("tortoise");
    }
  }

  @Test
  void should_keep_serving_the_last_good_version_of_a_file_that_breaks() throws IOException {
    Path corpus = copyCorpus();
    Path data = tmp.resolve("index");
    IndexBuilder builder = new IndexBuilder(TestEngine.embedder());
    builder.refresh(corpus, data, Progress.silent()).close();
    Path yml = corpus.resolve("eyrescroft/school.yml");
    Files.writeString(yml, Files.readString(yml).replace("acceptable-use-agreement.txt", "acceptable-use-agreement.pdf"));
    Files.write(corpus.resolve("eyrescroft/acceptable-use-agreement.pdf"), new byte[] {1, 2, 3, 4, 5});
    try (ClauseIndex idx = builder.refresh(corpus, data, Progress.silent())) {
      assertThat(idx.corpus().problems()).anyMatch(p -> p.contains("acceptable-use-agreement.pdf"));
      assertThat(idx.corpus().documents("eyrescroft")).hasSize(1);
      assertThat(idx.search("eyrescroft", "personal email to pupils", SearchMode.HYBRID, 1)).isNotEmpty();
    }
  }

  @Test
  void should_scope_every_search_to_one_school() {
    for (SearchMode mode : SearchMode.values()) {
      assertThat(TestEngine.index().search("eyrescroft", "mobile phone photographs of children on a trip", mode, 10))
          .isNotEmpty()
          .allMatch(h -> h.clause().school().equals("eyrescroft"));
    }
  }

  @Test
  void should_match_school_synonyms_in_keyword_search() {
    List<Hit> hits = TestEngine.index().search("educating-for-life", "pics on my mobile on a residential", SearchMode.BM25, 3);
    assertThat(hits.get(0).clause().text()).contains("mobile phones and cameras, to record images of pupils");
  }
}
