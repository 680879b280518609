package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.corpus.Clause;
import policybot.index.ClauseIndex;

/**
 * Which sentence of the cited clauses a verdict is read from, on real clauses of {@code corpus/}
 * cited in a fixed order with a fixed key sentence, so retrieval does not move the test.
 */
class ClauseVerdictTest {
  private final ClauseIndex idx = TestEngine.index();

  /** The real clause of {@code school} holding {@code sentence}, cited with that sentence as its key. */
  private Citation cite(String school, String sentence) {
    Clause clause =
        idx.corpus().clausesByKey().values().stream()
            .filter(c -> c.school().equals(school) && c.text().contains(sentence))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no clause of " + school + " says: " + sentence));
    int start = clause.text().indexOf(sentence);
    return new Citation(clause, "title", "link", Optional.empty(), start, start + sentence.length(), 1.0, false);
  }

  private Verdict verdict(String school, String question, String... keySentences) {
    List<Citation> citations = new ArrayList<>();
    for (String s : keySentences) {
      citations.add(cite(school, s));
    }
    return ClauseVerdict.read(idx, Question.of(school, question), question, citations).verdict();
  }

  @Test
  void should_answer_whether_others_can_see_it_from_the_sentence_saying_they_can_whatever_rule_comes_first() {
    String email = "Use of Email – staff are not permitted to use school email addresses for personal business.";

    assertThat(verdict("staff-code-2024", "if i have a moan about a parent in an email to another teacher, could that parent actually end up seeing it?", email))
        .isEqualTo(Verdict.YES);
    // asked what is allowed, the rule answers
    assertThat(verdict("staff-code-2024", "can I use my school email to sell my old sofa?", email)).isEqualTo(Verdict.NO);
    assertThat(verdict(
            "educating-for-life",
            "if I log into my personal hotmail on the school wifi can anyone actually see what I'm doing on it?",
            "Individual members of staff need to be aware that if personal email, internet and other related technologies are accessed in"
                + " school, the activity can be monitored and logged and can also be made available, on request, to their line manager or"
                + " Headteacher."))
        .isEqualTo(Verdict.YES);
  }

  @Test
  void should_read_a_rule_against_what_is_not_for_school_as_no_for_something_just_for_the_asker() {
    String rule =
        "I will not install any hardware or software that is not for educational purposes and educational software must not be installed"
            + " without seeking permission from the ICT Technical support staff.";

    assertThat(verdict("eyrescroft", "can I put a game on the class laptop just for me to play at lunch?", rule)).isEqualTo(Verdict.NO);
    // for school use the condition stands: educational software needs the technicians' permission
    assertThat(verdict("eyrescroft", "can I install a maths game on the class laptop?", rule)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_read_a_rule_lifted_only_in_a_circumstance_as_no_outside_it_and_yes_inside_it() {
    String cameras = "The schools digital cameras must not leave the school setting (unless on an educational visit)";

    assertThat(verdict("glais", "can I take the school camera home over the weekend to sort the pics out?", cameras)).isEqualTo(Verdict.NO);
    assertThat(verdict("glais", "can I take the school camera on the residential?", cameras)).isEqualTo(Verdict.YES);
  }

  @Test
  void should_read_a_warning_that_supposes_the_very_thing_asked_as_allowed_on_terms() {
    String monitored =
        "Individual members of staff need to be aware that if personal email, internet and other related technologies are accessed in school, the activity can be monitored and logged";

    // before, the warning decided nothing and the verdict came from the next clause cited, a rule
    // about email for school business: "no"
    assertThat(verdict("educating-for-life", "can I check my personal emails on the school computer at lunch?", monitored, "Must only use approved, secure email systems for any school business."))
        .isEqualTo(Verdict.CONDITIONAL);
    // a warning whose "if" is about something else still leaves the verdict to the rules cited
    assertThat(verdict("educating-for-life", "can I lend a pupil my memory stick?", monitored, "Must only use approved, secure email systems for any school business."))
        .isEqualTo(Verdict.NO);
  }

  @Test
  void should_not_limit_a_permission_for_the_very_case_the_question_describes() {
    String seek = "Under the data protection act of 1998 school must seek parental consent to take photographs and use video recording.";
    String assumed = "If a parent/guardian does not return a non-consent form then permission will be assumed.";

    // the question is in the case the "if" supposes: the clause's general rule does not limit it
    assertThat(verdict("glais", "a parent never sent back the photo form, can i still take pics of their kid?", assumed)).isEqualTo(Verdict.YES);
    // a mum who did send the non-consent form back is not in that case
    assertThat(verdict("glais", "a mum sent back the non-consent form, can i still take pics of her kid?", assumed)).isNotEqualTo(Verdict.YES);
    // a question outside that case still meets the general rule first
    assertThat(verdict("glais", "can i take photos of the kids for the school website?", seek)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_answer_yes_when_asked_whether_something_must_be_done_and_the_sentence_requires_it() {
    String report =
        "Must not browse, download or send material that could be considered offensive or obscene and should report any accidental access of inappropriate materials to their line manager.";

    // "tell" in the question, "report" in the policy; before, the prohibition in front made it "no"
    assertThat(verdict("educating-for-life", "a really inappropriate page came up by accident. do i need to tell anyone?", report)).isEqualTo(Verdict.YES);
    assertThat(verdict("educating-for-life", "can I look at offensive material for a lesson?", report)).isEqualTo(Verdict.NO);
  }

  @Test
  void should_answer_no_when_the_question_names_what_a_permission_leaves_out() {
    String limited =
        "Staff may use school computers for limited personal use, but NOT during contact time or in the presence of students";

    assertThat(verdict("educating-for-life", "can I check my personal emails on the school computer while the kids do quiet reading?", limited))
        .isEqualTo(Verdict.NO);
    assertThat(verdict("educating-for-life", "can I check my personal emails on the school computer?", limited)).isEqualTo(Verdict.CONDITIONAL);
    // the asker says the students are not there: outside what is left out
    assertThat(verdict("educating-for-life", "can I check my online banking on the staffroom computer at lunch? no kids about", limited))
        .isEqualTo(Verdict.CONDITIONAL);
    assertThat(verdict("educating-for-life", "can I check ebay on the class pc at lunchtime when the kids are out?", limited)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_read_the_next_sentence_when_it_points_back_at_a_key_sentence_that_states_no_rule() {
    assertThat(verdict("moorthorpe", "can i use the class ipad for my own shopping at lunch?", "Each class has Ipads specifically for this purpose."))
        .isEqualTo(Verdict.NO);
  }

  @Test
  void should_let_a_restriction_in_the_same_clause_limit_a_permission_that_leaves_part_of_the_question_out() {
    String events = "Events such as Sports Day, outings, Christmas and fundraising events may be recorded by video and photographs by staff and parent/carers but always in full view of all attending.";

    assertThat(verdict("glais", "can parents put their sports day photos on facebook?", events)).isEqualTo(Verdict.CONDITIONAL);
    assertThat(verdict("glais", "can parents take photographs at sports day?", events)).isEqualTo(Verdict.YES);
  }

  @Test
  void should_answer_for_information_when_the_best_clause_only_makes_staff_aware_and_nothing_is_asked_about_what_is_allowed() {
    String aware = "All staff will be aware that your reputation could be harmed by what others share about you online, such as friends tagging you in inappropriate posts, photographs, or videos.";
    String images = "Images will only be taken, stored and used for purposes within school unless there is parental permission for alternative use.";

    assertThat(verdict("moorthorpe", "a friend tagged me in photos from a party, is that a problem for my job?", aware, images)).isEqualTo(Verdict.INFO);
    assertThat(verdict("moorthorpe", "can i share photos my friends tagged me in?", aware, images)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_read_every_cited_clause_in_order_until_one_states_a_rule() {
    assertThat(
            verdict(
                "glais",
                "the technician needs my password to fix my laptop, can i give it to him?",
                "Always use your own personal passwords to access computer based services.",
                "Change your password whenever there is any indication of possible system or password compromise.",
                "Only disclose your personal password to authorised ICT support staff when necessary, and never to anyone else."))
        .isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_read_the_rule_of_a_joined_sentence_that_names_the_question() {
    String sentence = "No passwords should be divulged and memory sticks should also be encrypted.";

    assertThat(verdict("moorthorpe", "can i take reports home on a pen drive that isn't encrypted?", sentence)).isEqualTo(Verdict.NO);
    assertThat(verdict("moorthorpe", "can i tell a supply teacher my password?", sentence)).isEqualTo(Verdict.NO);
    // "memory sticks should also be encrypted" forbids nothing: the clause's "as authorised" decides
    assertThat(verdict("moorthorpe", "can i take reports home on a memory stick?", sentence)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_allow_the_alternative_a_prohibition_names_when_the_question_asks_about_it() {
    String sentence = "Should not communicate with pupils, in relation to either school or non-school business, via web 2 technologies, other than through the appropriate school learning platforms or other school systems approved by the Headteacher.";

    assertThat(verdict("educating-for-life", "can i message pupils on instagram about their homework?", sentence)).isEqualTo(Verdict.NO);
    assertThat(verdict("educating-for-life", "can i talk to pupils through the school learning platform?", sentence)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_answer_no_when_the_question_says_the_condition_was_refused() {
    String sentence = "Images will only be taken, stored and used for purposes within school unless there is parental permission for alternative use.";

    assertThat(verdict("moorthorpe", "the parents refused consent, can their son's photo go in the local paper?", sentence)).isEqualTo(Verdict.NO);
    assertThat(verdict("moorthorpe", "can a pupil's photo go in the local paper?", sentence)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_carry_a_refused_consent_into_a_follow_up_that_leaves_the_condition_alone() {
    String images = "Images will only be taken, stored and used for purposes within school unless there is parental permission for alternative use.";
    String earlier = "new starter in reception, mum ticked no on the photo form - can he still go on class dojo with the others?";
    List<Citation> citations = List.of(cite("moorthorpe", images));

    Question paper = new Question("moorthorpe", "what about a group shot in the local paper?", Optional.of(earlier));
    Question agreed = new Question("moorthorpe", "what if mum says it's fine now?", Optional.of(earlier));

    assertThat(ClauseVerdict.read(idx, paper, paper.text(), citations).verdict()).isEqualTo(Verdict.NO);
    assertThat(ClauseVerdict.read(idx, agreed, agreed.text(), citations).verdict()).isNotEqualTo(Verdict.NO);
  }
}
