package policybot.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClauseSplitterTest {
  private static Corpus corpus;

  @BeforeAll
  static void load() throws IOException {
    corpus = new CorpusLoader().load(Path.of("corpus"));
  }

  private static List<Clause> clauses(String school) {
    return corpus.documents(school).stream().flatMap(d -> d.clauses().stream()).toList();
  }

  private static String words(String s) {
    return s.toLowerCase(Locale.ROOT).replace("**", "").replace("\\", "").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
  }

  @Test
  void should_load_all_five_sample_schools_without_problems() {
    assertThat(corpus.schools()).containsOnlyKeys("moorthorpe", "glais", "staff-code-2024", "educating-for-life", "eyrescroft");
    assertThat(corpus.problems()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"moorthorpe", "glais", "staff-code-2024", "educating-for-life", "eyrescroft"})
  void should_keep_every_clause_verbatim_and_free_of_conversion_marks(String school) throws IOException {
    String source = words(java.nio.file.Files.readString(
        Path.of("corpus", school).resolve(corpus.school(school).orElseThrow().policies().get(0).file())));
    List<Clause> clauses = clauses(school);
    assertThat(clauses).hasSizeGreaterThan(10);
    for (Clause c : clauses) {
      assertThat(source).as("clause %s is in the source", c.id()).contains(words(c.text()));
      assertThat(c.text()).doesNotContain("[image:", "[bookmark:", "**", "\\_");
      assertThat(c.id()).matches("[a-z0-9-]+");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"moorthorpe", "glais", "staff-code-2024", "educating-for-life", "eyrescroft"})
  void should_store_each_clause_once_with_unique_ids(String school) {
    Set<String> keys = new HashSet<>();
    Set<String> ids = new HashSet<>();
    for (Clause c : clauses(school)) {
      assertThat(keys.add(ClauseSplitter.key(c.text()))).as("repeated: %s", c.text()).isTrue();
      assertThat(ids.add(c.id())).isTrue();
    }
  }

  @Test
  void should_store_the_repeated_glais_appendix_sections_once() {
    long passwordClauses =
        clauses("glais").stream().filter(c -> c.text().startsWith("Always use your own personal passwords")).count();
    assertThat(passwordClauses).isEqualTo(1);
  }

  @Test
  void should_drop_the_copy_that_is_cut_off_mid_sentence() {
    assertThat(clauses("glais"))
        .noneMatch(c -> c.text().endsWith("between any members of the school community is"))
        .anyMatch(c -> c.text().endsWith("between any members of the school community is not allowed."));
  }

  @Test
  void should_keep_the_heading_path_of_a_numbered_item() {
    Clause phones =
        clauses("glais").stream().filter(c -> c.text().startsWith("Many mobile phones have inbuilt cameras")).findFirst().orElseThrow();
    assertThat(phones.section()).isEqualTo("E. Safeguarding of Children > Use of Mobile Phones and Digital Photography Policy");
    assertThat(phones.number()).isEqualTo("6");
  }

  @Test
  void should_keep_a_long_multi_sentence_bullet_as_one_clause() {
    assertThat(clauses("moorthorpe"))
        .anyMatch(c -> c.text().startsWith("Images will only be taken") && c.text().endsWith("These will then be made available to parents."));
  }

  @Test
  void should_split_bullets_on_consecutive_lines_and_name_their_heading() {
    List<Clause> statement = clauses("eyrescroft").stream().filter(c -> c.section().equals("User’s Personal Statement")).toList();
    assertThat(statement).hasSizeGreaterThanOrEqualTo(13);
    assertThat(statement).anyMatch(c -> c.text().startsWith("I will support and promote the school's E-Safety Policy"));
  }

  @Test
  void should_leave_signature_lines_out() {
    assertThat(clauses("eyrescroft")).noneMatch(c -> c.text().startsWith("Signature") || c.text().startsWith("Full Name"));
    assertThat(clauses("staff-code-2024")).noneMatch(c -> c.text().startsWith("Signed:"));
  }

  @Test
  void should_keep_a_filled_in_table_row_such_as_the_review_dates() {
    // "Review date<TAB>Sept 2024<TAB><TAB>Next Review<TAB>Sept 2025" sits under the signature
    // lines; its tabs look like a form's blanks, but its cells are filled in
    assertThat(clauses("staff-code-2024")).anyMatch(c -> c.text().equals("Review date Sept 2024 Next Review Sept 2025"));
    assertThat(ClauseSplitter.isFormLine("Signed:\t\tPrinted:\tDate:\t")).isTrue();
    assertThat(ClauseSplitter.isFormLine("Review date\tSept 2024\t\tNext Review\tSept 2025")).isFalse();
    assertThat(ClauseSplitter.isFormLine("Date: ________ 2024")).isTrue();
  }

  @Test
  void should_use_a_leading_label_as_the_section_in_a_plain_policy() {
    Clause passwords =
        clauses("staff-code-2024").stream().filter(c -> c.text().startsWith("Passwords - ")).findFirst().orElseThrow();
    assertThat(passwords.section()).isEqualTo("Passwords");
  }

  @Test
  void should_give_the_same_id_to_the_same_clause_on_every_load() throws IOException {
    Corpus again = new CorpusLoader().load(Path.of("corpus"));
    assertThat(again.clausesByKey().keySet()).isEqualTo(corpus.clausesByKey().keySet());
  }
}
