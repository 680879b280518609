package policybot.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.slf4j.SLF4JLoggerContextFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTextTest {
  private static final Path FORMATS = Path.of("src/test/resources/formats");

  @ParameterizedTest
  @CsvSource({
    "eyrescroft.docx, Images of pupils and/or staff will only be taken",
    "eyrescroft.pdf, Images of pupils and/or staff will only be taken",
    "eyrescroft.html, Images of pupils and/or staff will only be taken",
    "staff-code.docx, Staff should not become",
    "staff-code.pdf, Staff should not become",
    "staff-code.html, Staff should not become",
    "glais.md, Staff must never add pupils or ex pupils under the age of 18"
  })
  void should_read_the_text_of_each_format(String file, String phrase) throws Exception {
    String text = DocumentText.read(FORMATS.resolve(file));
    assertThat(text.replaceAll("\\s+", " ")).contains(phrase);
  }

  /**
   * The PDF reader logs through the Log4j API; with no provider for it, reading a school's PDF
   * printed "ERROR Log4j API could not find a logging provider" to the person indexing.
   */
  @Test
  void should_send_the_pdf_readers_logging_to_the_same_place_as_ours() throws Exception {
    DocumentText.read(FORMATS.resolve("eyrescroft.pdf"));
    assertThat(LogManager.getFactory()).isInstanceOf(SLF4JLoggerContextFactory.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"eyrescroft.docx", "eyrescroft.pdf", "eyrescroft.html"})
  void should_split_converted_files_into_the_same_bullets(String file) throws Exception {
    String text = DocumentText.read(FORMATS.resolve(file));
    List<Clause> clauses = new ClauseSplitter().split("eyrescroft", "aup", List.of("Eyrescroft Primary School"), text);
    assertThat(clauses)
        .anyMatch(c -> c.text().equals("I will respect copyright and intellectual property rights."))
        .anyMatch(c -> c.text().startsWith("I will not give out my own personal details") && c.text().endsWith("to pupils."))
        .noneMatch(c -> c.text().contains("[image:"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"broken.pdf", "broken.docx"})
  void should_name_a_file_it_cannot_parse(String file) {
    assertThatThrownBy(() -> DocumentText.read(FORMATS.resolve(file)))
        .isInstanceOf(DocumentText.UnreadableDocumentException.class)
        .hasMessageContaining(file);
  }
}
