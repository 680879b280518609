package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import policybot.corpus.Clause;
import policybot.index.Hit;

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
        "is it ok to post on facebook?",
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
  void should_read_a_follow_up_past_a_conversational_opening() {
    Question visitors = new Question("glais", "ok and what about visitors, same rule for them?", Optional.of("what happens with the children's phones in the morning?"));

    assertThat(FollowUp.isFollowUp(visitors)).isTrue();
    assertThat(FollowUp.searchText(visitors)).contains("children's phones", "visitors");
  }

  @Test
  void should_take_the_form_of_a_follow_up_that_ends_in_a_yes_no_question_of_its_own() {
    String before = "where are visitors allowed to use their phones?";

    // "what about X" alone asks the earlier question again; with its own "can they ...?" it is yes/no
    assertThat(FollowUp.questionForm(new Question("glais", "what about the kids - can they keep theirs in their bags?", Optional.of(before))))
        .isEqualTo("what about the kids - can they keep theirs in their bags?");
    assertThat(FollowUp.questionForm(new Question("glais", "what about the kids?", Optional.of(before)))).isEqualTo(before);
  }

  @Test
  void should_read_a_longer_question_after_another_as_a_follow_up_when_it_points_back_at_it() {
    String before = "is it ok to use my own ipad for teaching instead of the school one";

    assertThat(FollowUp.isFollowUp(new Question("staff-code-2024", "do i just mention it to the head or is there more to it", Optional.of(before)))).isTrue();
    // "is it ok" points at nothing said before, and a question naming its own subject stands alone
    assertThat(FollowUp.isFollowUp(new Question("staff-code-2024", "is it ok to post pictures of the school fair on my facebook page", Optional.of(before)))).isFalse();
    assertThat(FollowUp.isFollowUp(new Question("staff-code-2024", "can i leave the school laptop in my car overnight when i go on a course", Optional.of(before)))).isFalse();
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

  @Test
  void should_tell_a_question_about_the_schools_own_device_from_one_about_the_askers() {
    assertThat(KeySentence.aboutSchoolsOwn("ok so can i use the school ipad for the photos instead?")).isTrue();
    assertThat(KeySentence.aboutSchoolsOwn("what about with the school camera?")).isTrue();
    assertThat(KeySentence.aboutSchoolsOwn("school camera is rubbish, can i just use my phone to take pics of the kids")).isFalse();
    assertThat(KeySentence.aboutSchoolsOwn("can I use my own laptop at school?")).isFalse();
  }

  @Test
  void should_answer_a_follow_up_about_the_school_camera_from_the_sentence_about_school_equipment() {
    Question followUp = new Question("educating-for-life", "what about with the school camera?",
        Optional.of("Can I take photos of the class on my phone on the museum trip?"));

    Answer a = policybot.TestEngine.answers().ask(followUp);

    assertThat(a).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      assertThat(g.verdict()).isEqualTo(Verdict.CONDITIONAL);
      assertThat(g.citations().get(0).highlight()).startsWith("With the consent of parents and staff, the school permits");
    });
  }

  @Test
  void should_count_a_follow_ups_own_words_only_when_it_names_a_subject_of_its_own() {
    Question own = new Question("glais", "what about giving them my number in case they get lost?", Optional.of("can i take pics on the trip?"));
    Question alone = Question.of("glais", "what about giving them my number in case they get lost?");

    assertThat(FollowUp.namesOwnSubject(own, FollowUp.OWN_SUBJECT_GROUPS)).isTrue();
    assertThat(FollowUp.namesOwnSubject(own, FollowUp.OWN_SUBJECT_GROUPS - 1)).isFalse();
    assertThat(FollowUp.namesOwnSubject(alone, 4)).isFalse();
  }

  @Test
  void should_raise_a_clause_the_follow_ups_own_search_ranks_high_without_losing_its_signals() {
    Hit photos = hit("photos", 0.18, 1);
    Hit number = hit("number", 0.17, 2);
    Hit other = hit("other", 0.12, 3);

    List<Hit> ranked = FollowUp.withOwnWords(List.of(photos, number, other), List.of(number, other), 2);

    assertThat(ranked).extracting(h -> h.clause().id()).containsExactly("number", "photos");
    assertThat(ranked.get(0).coverage()).isEqualTo(number.coverage());
    assertThat(ranked.get(0).score()).isGreaterThan(number.score());
    // a clause the follow-up's own search did not find keeps its score
    assertThat(ranked.get(1)).isSameAs(photos);
  }

  private static Hit hit(String id, double score, int ordinal) {
    Clause c = new Clause(id, "glais", "policy", List.of(), "", "", "text of " + id, ordinal);
    return new Hit(c, score, ordinal, ordinal, 0.5, 3.0, 0.1 * ordinal, 0.2, 0.1);
  }
}
