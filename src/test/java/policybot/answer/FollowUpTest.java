package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class FollowUpTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "what about on a residential?",
        "who do i ask?",
        "so what am i meant to use then?",
        "even while the kids are doing quiet reading?",
        "ok so can i use the school ipad for the photos instead?",
        "and videos?"
      })
  void should_read_a_question_without_a_subject_of_its_own_as_leaning_on_the_one_before(String question) {
    assertThat(FollowUp.leansOnEarlier(question)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "can I use my phone on a trip?",
        "when is this policy next reviewed",
        "can i take photos of my class on my phone",
        "is it ok to send pupil reports home on a memory stick that isn't encrypted",
        ""
      })
  void should_read_a_question_that_names_its_subject_on_its_own(String question) {
    assertThat(FollowUp.leansOnEarlier(question)).isFalse();
  }

  @Test
  void should_take_the_question_before_as_the_previous_one_only_for_a_follow_up_about_the_same_school() {
    Question lead = Question.of("glais", "can i take photos of my class on my phone");

    assertThat(Question.of("glais", "what about on a residential?").following(lead).previous())
        .contains("can i take photos of my class on my phone");
    assertThat(Question.of("moorthorpe", "what about on a residential?").following(lead).previous()).isEmpty();
    assertThat(Question.of("glais", "can I post on facebook about work?").following(lead).previous()).isEmpty();
  }

  @Test
  void should_keep_a_given_previous_question_and_carry_the_subject_down_a_chain_of_follow_ups() {
    Question lead = Question.of("glais", "can i take photos of my class on my phone");
    Question given = new Question("glais", "what about videos?", Optional.of("can I film assembly?"));
    Question second = Question.of("glais", "what about on a residential?").following(lead);

    assertThat(given.following(lead)).isSameAs(given);
    assertThat(Question.of("glais", "and videos?").following(second).previous().orElseThrow())
        .contains("take photos of my class", "residential");
  }
}
