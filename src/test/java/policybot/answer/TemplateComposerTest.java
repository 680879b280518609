package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateComposerTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Personal devices must only be used in the context of school business with the explicit permission of the Head. | Only with permission",
        "Use of Personal ICT - use of personal ICT equipment is at the discretion of the Headteacher. | Only with permission",
        "Images will only be used with written consent of the parent. | Only with permission",
        "If it is necessary for you to take work home, you should ensure that your device is securely stored. | Yes, but only on the conditions",
        "Staff may use school computers for limited personal use, but NOT during contact time. | Yes, but only on the conditions"
      })
  void should_open_a_conditional_answer_with_a_permission_only_when_the_sentence_asks_for_one(String sentence, String lead) {
    assertThat(TemplateComposer.conditionalLead(sentence)).startsWith(lead);
  }
}
