package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFingerprintTest {
  @TempDir Path corpus;

  @Test
  void should_change_when_a_file_is_edited_added_or_removed() throws IOException {
    Path policy = write("glais/policy.md", "# Phones\n\nStaff must not use phones.\n");
    CorpusFingerprint first = CorpusFingerprint.of(corpus);

    Files.writeString(policy, "# Phones\n\nStaff may use phones.\n", StandardCharsets.UTF_8);
    Files.setLastModifiedTime(policy, FileTime.from(Instant.now().plusSeconds(1)));
    CorpusFingerprint edited = CorpusFingerprint.of(corpus);
    write("glais/school.yml", "name: Glais\n");
    CorpusFingerprint added = CorpusFingerprint.of(corpus);
    Files.delete(policy);
    CorpusFingerprint removed = CorpusFingerprint.of(corpus);

    assertThat(edited).isNotEqualTo(first);
    assertThat(added).isNotEqualTo(edited);
    assertThat(removed).isNotEqualTo(added);
  }

  @Test
  void should_stay_the_same_when_nothing_changed_and_ignore_editor_files() throws IOException {
    write("glais/policy.md", "text");
    CorpusFingerprint first = CorpusFingerprint.of(corpus);

    write("glais/.policy.md.swp", "swap");
    write("glais/policy.md~", "backup");

    assertThat(CorpusFingerprint.of(corpus)).isEqualTo(first);
  }

  @Test
  void should_see_a_missing_folder_as_empty() throws IOException {
    assertThat(CorpusFingerprint.of(corpus.resolve("nowhere")).files()).isEmpty();
  }

  private Path write(String name, String text) throws IOException {
    Path p = corpus.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
    return p;
  }
}
