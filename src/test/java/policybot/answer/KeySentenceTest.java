package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.index.ClauseIndex;

class KeySentenceTest {
  private static List<String> split(String text) {
    return KeySentence.sentences(text).stream().map(s -> text.substring(s.start(), s.end())).toList();
  }

  @Test
  void should_end_a_sentence_before_a_name_written_with_a_small_letter_first() {
    // Glais, "Lost, Damaged or Stolen iPad": three sentences, highlighted one at a time
    String lost =
        "If the iPad is lost, stolen, or damaged, the Head Teacher must be notified immediately. iPads that are believed to be stolen can be tracked through iCloud. You will be liable for a replacement if due care has not been taken.";

    assertThat(split(lost))
        .containsExactly(
            "If the iPad is lost, stolen, or damaged, the Head Teacher must be notified immediately.",
            "iPads that are believed to be stolen can be tracked through iCloud.",
            "You will be liable for a replacement if due care has not been taken.");
  }

  @Test
  void should_not_end_a_sentence_at_an_abbreviation_or_before_an_ordinary_small_word() {
    String social = "Social networking sites (e.g. Facebook, MySpace etc.) and blogging sites (e.g. Wordpress, Twitter etc.) are a public forum.";
    String contact = "Any concerns should be discussed with Mrs. Cotton. She is the E-Safety lead.";

    assertThat(split(social)).containsExactly(social);
    assertThat(split(contact)).containsExactly("Any concerns should be discussed with Mrs. Cotton.", "She is the E-Safety lead.");
    assertThat(split("Use the approved system. it is monitored.")).hasSize(1);
  }

  @Test
  void should_prefer_the_sentence_whose_if_describes_the_question() {
    // Glais, the photograph consent clause: the question is the case its third sentence supposes
    String consent =
        "Under the data protection act of 1998 school must seek parental consent to take photographs and use video recording. The school will send a letter to parents or guardians of pupils, requesting permission. If a parent/guardian does not return a non-consent form then permission will be assumed.";
    ClauseIndex idx = TestEngine.index();

    assertThat(key(idx, consent, "a parent never sent back the photo form, can i still take pics of their kid?"))
        .isEqualTo("If a parent/guardian does not return a non-consent form then permission will be assumed.");
    assertThat(key(idx, consent, "can i take photos of the kids on sports day?"))
        .isEqualTo("Under the data protection act of 1998 school must seek parental consent to take photographs and use video recording.");
  }

  @Test
  void should_break_a_tie_by_the_rarer_words_named_and_not_answer_a_question_about_own_devices_from_school_equipment() {
    // Educating for Life's images clause: both sentences name the children and the photo
    String images =
        "Are not permitted to use personal digital equipment, such as mobile phones and cameras, to record images of pupils, including when on external trips/visits. With the consent of parents and staff, the school permits the appropriate taking of images by staff and pupils with school equipment. Digital images are easy to capture, reproduce and publish and, therefore, misused. Care should be taken to ensure that images of children identified as at risk should not be taken or displayed in any format.";
    ClauseIndex idx = TestEngine.index();

    assertThat(keyWithRarity(idx, "educating-for-life", images, "we've got two kids in my form flagged as at risk. should they be kept out of the class photo?"))
        .startsWith("Care should be taken");
    assertThat(keyWithRarity(idx, "educating-for-life", images, "can i take pics of the kids on my phone on the school trip"))
        .startsWith("Are not permitted to use personal digital equipment");
  }

  private static String key(ClauseIndex idx, String text, String question) {
    List<Set<String>> terms = idx.subjectTerms(question);
    KeySentence.Span s = KeySentence.find(text, new KeySentence.Asked(question, terms, List.of(), Optional.empty(), false, List.of(), List.of()), idx::terms);
    return text.substring(s.start(), s.end());
  }

  private static String keyWithRarity(ClauseIndex idx, String school, String text, String question) {
    List<Set<String>> terms = idx.subjectTerms(question);
    List<Double> rarity = terms.stream().map(t -> idx.rarity(school, t)).toList();
    KeySentence.Span s = KeySentence.find(text, new KeySentence.Asked(question, terms, List.of(), Optional.empty(), false, List.of(), rarity), idx::terms);
    return text.substring(s.start(), s.end());
  }
}
