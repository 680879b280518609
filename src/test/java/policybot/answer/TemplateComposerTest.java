package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import policybot.corpus.Clause;

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

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "am i allowed to bring my phone in? | YES | Yes, the policy allows this.",
        "does anyone actually check what sites we go on? | YES | Yes, the policy says so.",
        "can I add a pupil on facebook? | NO | No, the policy does not allow this.",
        "will school cover it if my phone gets nicked? | NO | No, the policy says not."
      })
  void should_say_allows_only_when_the_question_asks_what_is_allowed(String question, Verdict verdict, String lead) {
    Citation c =
        new Citation(
            new Clause("c1", "eyrescroft", "aup", List.of(), "", "", "Staff may do it.", 0),
            "AUP", "http://x/policies/eyrescroft/aup#c1", Optional.empty(), 0, 16, 1.0, false);
    assertThat(new TemplateComposer().grounded(null, question, verdict, List.of(c))).startsWith(lead);
  }
}
