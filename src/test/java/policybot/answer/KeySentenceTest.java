package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
