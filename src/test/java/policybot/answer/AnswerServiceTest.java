package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import policybot.TestEngine;

class AnswerServiceTest {
  private final AnswerService answers = TestEngine.answers();

  private Answer ask(String school, String q) {
    return answers.ask(Question.of(school, q));
  }

  @Test
  void should_answer_no_with_the_phone_camera_clause_for_glais() {
    Answer a = ask("glais", "can I use my phone to take photos of the children?");
    assertThat(a).isInstanceOf(Answer.Grounded.class);
    Answer.Grounded g = (Answer.Grounded) a;
    assertThat(g.verdict()).isEqualTo(Verdict.NO);
    assertThat(g.citations()).hasSizeBetween(1, 3);
    assertThat(g.citations()).anyMatch(c -> c.text().contains("staff mobile phones must not be used to take pictures of children"));
  }

  @Test
  void should_link_each_citation_to_its_clause_anchor_and_quote_it_verbatim() {
    Answer a = ask("glais", "can i add an ex pupil who is 16 as a friend?");
    for (Citation c : a.citations()) {
      assertThat(c.link()).isEqualTo(TestEngine.BASE + "/policies/glais/" + c.clause().policy() + "#" + c.clause().id());
      assertThat(TestEngine.index().corpus().clausesByKey()).containsValue(c.clause());
      assertThat(c.text()).contains(c.highlight());
    }
  }

  @Test
  void should_quote_the_sentence_the_verdict_was_read_from_not_one_that_says_the_opposite() {
    // Glais's clause opens "staff may/will have pre-existing engaged communications with parents";
    // a no read from its next sentence used to stand over that first one in the answer
    Answer a = ask("glais", "i've been mates with a mum on facebook since way before her son started here, is that ok?");

    assertThat(a).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      Citation top = g.citations().get(0);
      assertThat(top.text()).contains("pre-existing engaged communications");
      assertThat(g.text()).contains("“" + top.highlight() + "”");
      // the next sentence's "advised not to ... engage in communications with new parents" is for
      // new parents, not one known since before her son started
      assertThat(g.verdict()).isEqualTo(Verdict.YES);
      assertThat(top.highlight()).contains("pre-existing");
    });
    Answer fresh = ask("glais", "a new reception mum has sent me a friend request on facebook, can i accept?");
    assertThat(fresh).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      assertThat(g.verdict()).isEqualTo(Verdict.NO);
      assertThat(g.citations().get(0).highlight()).contains("advised not to");
    });
  }

  @Test
  void should_answer_whether_the_school_covers_a_loss_from_the_clause_that_says_who_bears_it() {
    // the rule on bringing phones in shares more of the question's words and used to come first,
    // and "may be used ... as mutually agreed with the Headteacher" was read as conditional
    Answer a = ask("glais", "If my phone gets nicked out of the staffroom will school cover it?");

    assertThat(a).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      assertThat(g.verdict()).isEqualTo(Verdict.NO);
      assertThat(g.citations().get(0).highlight()).isEqualTo("The school is not responsible for the loss, damage or theft of any personal mobile device.");
    });
  }

  @Test
  void should_answer_staff_asking_about_themselves_from_a_rule_for_staff_not_one_for_parents() {
    // "Parents must not post photographs ..." sits in the clause on filming school events, which
    // shares more of the question's words
    Answer a = ask("glais", "can i put pics from the christmas concert on my facebook");

    assertThat(a).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      assertThat(g.verdict()).isEqualTo(Verdict.CONDITIONAL);
      assertThat(g.citations().get(0).highlight()).isEqualTo("Staff must not post pictures of school events without the Headteacher's consent.");
    });
  }

  @Test
  void should_warn_when_a_cited_policy_is_past_its_review_date() {
    Answer a = ask("staff-code-2024", "can I use my school email for personal business?");
    assertThat(a).isInstanceOf(Answer.Grounded.class);
    assertThat(((Answer.Grounded) a).warnings()).singleElement().asString().contains("1 September 2025");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "staff-code-2024 | am I allowed to use school ICT equipment for personal use? | CONDITIONAL",
        "educating-for-life | can I use my own camera to take pictures of pupils on a school trip? | NO",
        "glais | can I post pictures of school events without the Headteacher's consent? | NO",
        "staff-code-2024 | who should I report a virus outbreak to? | INFO"
      })
  void should_read_the_verdict_from_what_the_clause_says(String school, String q, Verdict expected) {
    Answer a = ask(school, q);
    assertThat(a).isInstanceOf(Answer.Grounded.class);
    assertThat(((Answer.Grounded) a).verdict()).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"moorthorpe", "glais", "staff-code-2024", "educating-for-life", "eyrescroft"})
  void should_never_cite_another_schools_policy(String school) {
    for (String q : new String[] {"can I use my phone on a trip?", "can I share my password?", "can I friend a parent on facebook?"}) {
      assertThat(ask(school, q).citations()).allMatch(c -> c.clause().school().equals(school));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"how many days of annual leave do I get?", "what time does the staff car park close?"})
  void should_escalate_when_no_clause_covers_the_question(String q) {
    Answer a = ask("glais", q);
    assertThat(a).isInstanceOf(Answer.Escalated.class);
    assertThat(a.text()).contains("I'm not sure").contains("Mrs Anne Long");
  }

  @Test
  void should_route_a_disclosure_to_the_dsl_and_never_answer_it() {
    Answer a = ask("eyrescroft", "a pupil told me her uncle hits her and asked me not to tell anyone");
    assertThat(a).isInstanceOf(Answer.Safeguarding.class);
    assertThat(((Answer.Safeguarding) a).reportTo()).isEqualTo("Miss Dines, Safeguarding");
    assertThat(a.text()).contains("Report it now").contains("Miss Dines");
  }

  @Test
  void should_route_a_concern_in_words_the_lists_lack_by_its_nearest_examples() {
    String worry = "ever since the summer she hides in the toilets at home time and begs to stay at after school club";

    Answer a = ask("glais", worry);

    assertThat(SafeguardingCheck.isConcern(worry)).isFalse();
    assertThat(a).isInstanceOf(Answer.Safeguarding.class);
  }

  @Test
  void should_not_treat_an_ordinary_question_about_children_as_a_disclosure() {
    assertThat(ask("glais", "can I take photos of the children for the school website?")).isNotInstanceOf(Answer.Safeguarding.class);
  }

  @Test
  void should_understand_a_follow_up_in_the_light_of_the_question_before() {
    Answer a = answers.ask(new Question("educating-for-life", "what about on a residential?",
        Optional.of("can I take photos of pupils on my own phone?")));
    assertThat(a).isInstanceOf(Answer.Grounded.class);
    assertThat(((Answer.Grounded) a).verdict()).isEqualTo(Verdict.NO);
    assertThat(a.citations().get(0).text()).contains("including when on external trips/visits");
  }

  @Test
  void should_not_send_a_short_follow_up_to_the_dsl_when_read_with_its_question_it_is_no_concern() {
    String lead = "one of the parents in my class sent me a friend request on FB. do I just ignore it or is it fine to accept?";

    // alone, its words resemble the concern examples' ("she's actually my ..."); after a friend request they do not
    assertThat(answers.ask(Question.of("moorthorpe", "what if she's actually my sister-in-law tho"))).isInstanceOf(Answer.Safeguarding.class);
    assertThat(answers.ask(new Question("moorthorpe", "what if she's actually my sister-in-law tho", Optional.of(lead))))
        .isNotInstanceOf(Answer.Safeguarding.class);
    // a disclosure made as a follow-up still goes to the DSL
    assertThat(answers.ask(new Question("moorthorpe", "what if she told me her uncle hits her?", Optional.of(lead))))
        .isInstanceOf(Answer.Safeguarding.class);
  }

  @Test
  void should_not_read_a_follow_up_naming_a_word_of_a_permission_as_a_yes() {
    // "own" and "use" are words of "unless specific permission has been given", but bringing your
    // own laptop still needs the Headteacher's say-so
    Answer a = answers.ask(new Question("staff-code-2024", "what if I bring my own laptop in and use that instead?",
        Optional.of("Is it ok to do a bit of online shopping on the classroom PC at lunch if I'm on my own?")));

    assertThat(a).isInstanceOfSatisfying(Answer.Grounded.class, g -> assertThat(g.verdict()).isEqualTo(Verdict.CONDITIONAL));
  }

  @Test
  void should_let_a_follow_up_with_a_subject_of_its_own_bring_its_clause_first() {
    // joined, "can I check my personal emails on the school computer?" outweighs the follow-up's own
    // words, and the rule on personal email came first; the rule naming contact time answers it
    Answer a = answers.ask(new Question("educating-for-life", "even while the kids are doing quiet reading?",
        Optional.of("can I check my personal emails on the school computer?")));

    assertThat(a.citations()).isNotEmpty();
    assertThat(a.citations().get(0).text()).contains("NOT during contact time or in the presence of students");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "glais | '' | EMPTY",
        "glais | '   ' | EMPTY",
        "glais | ¿Puedo usar mi teléfono en una excursión escolar? | NOT_ENGLISH",
        "atlantis | can I use my phone? | UNKNOWN_SCHOOL",
        "glais | hi | NOT_A_QUESTION",
        "glais | Thanks very much! | NOT_A_QUESTION",
        "glais | ok thank you | NOT_A_QUESTION"
      })
  void should_refuse_bad_input_with_a_helpful_message(String school, String q, Answer.Problem problem) {
    Answer a = ask(school, q);
    assertThat(a).isInstanceOf(Answer.Refused.class);
    assertThat(((Answer.Refused) a).problem()).isEqualTo(problem);
    assertThat(a.text()).isNotBlank();
  }

  @Test
  void should_find_a_school_typed_in_capitals_and_name_the_schools_when_it_does_not_know_one() {
    Answer capitals = ask(" Glais ", "can i take pics of my class on my own phone?");
    assertThat(capitals).isNotInstanceOf(Answer.Refused.class);
    assertThat(capitals.citations()).isNotEmpty().allSatisfy(c -> assertThat(c.clause().school()).isEqualTo("glais"));

    Answer unknown = ask("atlantis", "can I use my phone?");
    assertThat(unknown.text()).contains("atlantis", "glais", "moorthorpe", "eyrescroft");
  }

  @Test
  void should_still_answer_a_greeting_that_carries_a_question() {
    assertThat(ask("glais", "hi, can i take pics of my class on my own phone?")).isNotInstanceOf(Answer.Refused.class);
    assertThat(ask("glais", "thanks, what about on a residential?")).isNotInstanceOf(Answer.Refused.class);
  }

  @Test
  void should_refuse_fifty_thousand_characters_and_binary_junk() {
    assertThat(((Answer.Refused) ask("glais", "phone ".repeat(8334))).problem()).isEqualTo(Answer.Problem.TOO_LONG);
    assertThat(((Answer.Refused) ask("glais", "\u0000\u0001\u0002\u0003\u0004\u0005\uFFFD\u0007")).problem())
        .isEqualTo(Answer.Problem.NOT_TEXT);
  }
}
