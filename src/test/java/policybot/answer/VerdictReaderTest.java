package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verdicts read from real sentences of the sample policies in {@code corpus/}. */
class VerdictReaderTest {
  private static final String CORPUS = corpusText();

  private static String corpusText() {
    try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
      return files
          .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md"))
          .map(VerdictReaderTest::read)
          .collect(Collectors.joining("\n"))
          .replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sentence as the policies have it, so the test cannot drift to invented wording. */
  private static String policy(String sentence) {
    assertThat(CORPUS).contains(sentence);
    return sentence;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Under no circumstances does the school allow a member of staff to contact a pupil or parent/carers using their personal device. | NO",
        "Privately owned ICT equipment should not be used on a school network. | NO",
        "Pupils are not allowed to use their phones in school and must leave them in the office. | NO",
        "Staff must not post pictures of school events without the Headteacher's consent. | CONDITIONAL",
        "Use of Personal ICT - use of personal ICT equipment is at the discretion of the Headteacher. | CONDITIONAL",
        "Permission must be sought before any images or sound recordings are made on these devices of any member of the school community. | CONDITIONAL",
        "Only disclose your personal password to authorised ICT support staff when necessary, and never to anyone else. | CONDITIONAL",
        "Staff may use school computers for limited personal use, but NOT during contact time or in the presence of students | CONDITIONAL",
        "A school protocol exists for the appropriate use of web 2 technologies such as Twitter for communication within the school community, which involves ensuring that only pre-registered users may post on the site. | CONDITIONAL",
        "Where the school provides a laptop for staff, only this device may be used to conduct school business outside of school. | NO",
        "On occasion the school might like to use photographs of children taking part in an activity to advertise/promote the school via the website etc, however in this instance, the permission slips will indicate whether this is acceptable. | CONDITIONAL"
      })
  void should_read_the_verdict_a_yes_no_question_gets_from_a_policy_sentence(String sentence, Verdict expected) {
    assertThat(VerdictReader.read("can I do it?", policy(sentence))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "what guidance am i supposed to follow for teaching remote lessons | true",
        "so what am i meant to use then? | true",
        "i dropped the class ipad and cracked the screen, who do i tell | true",
        "who do i ask? | true",
        "what apps can i install on the class ipad? | false",
        "what if the head says its fine? | false",
        "what about on a school trip | false",
        "am i allowed to go on facebook in school | false",
        "is it ok to use my hotmail for school stuff | false",
        "a parent never sent back the photo form, can i still take pics of their kid? | false"
      })
  void should_tell_information_questions_from_permission_questions(String question, boolean info) {
    assertThat(VerdictReader.isInformationQuestion(question)).isEqualTo(info);
  }

  @Test
  void should_give_info_for_any_sentence_when_the_question_asks_who() {
    String sentence = policy("Staff must not post pictures of school events without the Headteacher's consent.");
    assertThat(VerdictReader.read("who do i ask before posting pictures of school events?", sentence)).isEqualTo(Verdict.INFO);
  }

  @Test
  void should_see_that_a_however_sentence_relaxes_the_prohibition_before_it() {
    String rule = policy("Staff are asked not to make personal calls during their working hours.");
    String next = policy("However in urgent cases a call may be made or accepted if deemed necessary and by arrangement with the Headteacher");

    assertThat(VerdictReader.read("can i take a call at work?", rule)).isEqualTo(Verdict.NO);
    assertThat(VerdictReader.relaxes(next)).isTrue();
    assertThat(VerdictReader.relaxes(policy("Privately owned ICT equipment should not be used on a school network."))).isFalse();
  }

  @Test
  void should_find_the_exception_a_rule_names() {
    String sentence = policy("The schools digital cameras must not leave the school setting (unless on an educational visit)");
    assertThat(VerdictReader.exception(sentence)).hasValueSatisfying(e -> assertThat(e).contains("on an educational visit").doesNotContain(")"));
    assertThat(VerdictReader.exception(policy("Privately owned ICT equipment should not be used on a school network."))).isEmpty();
  }

  @Test
  void should_see_when_a_question_asks_about_going_ahead_without_the_condition() {
    assertThat(VerdictReader.skipsTheCondition("can i take snaps of the class for a display without asking the parents")).isTrue();
    assertThat(VerdictReader.skipsTheCondition("can I post pictures of school events without the Headteacher's consent?")).isTrue();
    assertThat(VerdictReader.skipsTheCondition("i've been mates with a mum on facebook since way before her son started here")).isFalse();
  }
}
