package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;
import policybot.corpus.Clause;

class AudienceTest {
  @Test
  void should_tell_a_rule_for_parents_or_pupils_from_one_for_staff() {
    assertThat(Audience.addressedToOthers("Parents are not expected to post pictures of pupils other than their own children")).isTrue();
    assertThat(Audience.addressedToOthers("2. Pupils must hand their phones in at the office.")).isTrue();
    assertThat(Audience.addressedToOthers("Staff must never add pupils or ex pupils under the age of 18 as friends")).isFalse();
    assertThat(Audience.addressedToOthers("Parents and staff must not share passwords.")).isFalse();
    assertThat(Audience.addressedToOthers("Staff, governors, parents and carers should be aware that social networking websites are a public forum")).isFalse();
  }

  @Test
  void should_tell_a_pupils_pledge_by_its_heading_or_its_voice_but_not_a_staff_section_about_children() {
    assertThat(Audience.addressedToOthers(clause("I will look after the iPad.", "Appendix 5", "Student Pledge for iPad Use"))).isTrue();
    assertThat(Audience.addressedToOthers(clause("Charge the iPad every night.", "Appendix 5", "Additional Responsibilities for Pupils"))).isTrue();
    assertThat(Audience.addressedToOthers(clause("Comments should be made through the school office.", "C. Comments posted by parents/carers."))).isTrue();
    assertThat(Audience.addressedToOthers("I will only use the camera or the microphone when my teacher tells me to.")).isTrue();
    assertThat(Audience.addressedToOthers(clause("Staff must not use their own phones to photograph children.", "E. Safeguarding of Children", "Use of Mobile Phones"))).isFalse();
    assertThat(Audience.addressedToOthers(clause("I will not share my password with anyone.", "Appendix 7", "Staff Acceptable Use Agreement / Code of Conduct"))).isFalse();
  }

  @Test
  void should_rank_the_staff_rule_above_the_pupils_pledge_for_a_staff_question() {
    // "Posting of images/movie on the Internet ... in the case of staff use; a member of the Senior
    // Leadership team" answers it; before the heading and the pupil's voice ("unless I am asked to do
    // so by my Teacher") counted, the pupils' pledge line above it came first
    List<Hit> hits = TestEngine.index().search("glais", "can i upload the video the class made to youtube", SearchMode.HYBRID, 3);
    assertThat(hits.get(0).clause().headings()).noneMatch(h -> h.contains("Student Pledge"));
  }

  private static Clause clause(String text, String... headings) {
    return new Clause("id", "glais", "policy", List.of(headings), "", "", text, 0);
  }

  @Test
  void should_see_when_a_rule_is_about_other_people_than_the_question_names() {
    String mum = "one of the mums has been my friend on fb for years, can i stay friends with her?";

    assertThat(Audience.aboutOtherParties(mum, "Staff must never add pupils or ex pupils under the age of 18 as friends")).isTrue();
    assertThat(Audience.aboutOtherParties(mum, "staff are advised not to invite, accept or engage in communications with new parents")).isFalse();
    assertThat(Audience.aboutOtherParties(mum, "Staff must not use social networking sites in lesson times")).isFalse();
    assertThat(Audience.aboutOtherParties("can I add my friend on facebook?", "Staff must never add pupils as friends")).isFalse();
  }

  @Test
  void should_tell_a_question_about_the_askers_own_conduct() {
    assertThat(Audience.aboutOwnConduct("can I accept a parent's friend request?")).isTrue();
    assertThat(Audience.aboutOwnConduct("i’m on a trip, is my phone ok?")).isTrue();
    assertThat(Audience.aboutOwnConduct("are the kids allowed to bring their phones into school?")).isFalse();
  }

  @Test
  void should_tell_a_question_about_what_pupils_or_parents_may_do_from_one_about_staff() {
    assertThat(Audience.asksWhatOthersMay("are the kids allowed to bring their phones into school?")).contains(Audience.Party.PUPILS);
    assertThat(Audience.asksWhatOthersMay("a child has their phone out in class, are they allowed it?")).contains(Audience.Party.PUPILS);
    assertThat(Audience.asksWhatOthersMay("do the kids have to hand their phones in at the start of the day")).contains(Audience.Party.PUPILS);
    assertThat(Audience.asksWhatOthersMay("Parents keep asking if they can film the Christmas concert. Are they allowed?"))
        .contains(Audience.Party.PARENTS);
    assertThat(Audience.asksWhatOthersMay("Parents keep asking whether they're allowed to film their own kids at sports day - are they?"))
        .contains(Audience.Party.PARENTS);
    assertThat(Audience.asksWhatOthersMay("can I let the kids use my phone to take pictures?")).isEmpty();
    assertThat(Audience.asksWhatOthersMay("can I take photos of the children on a trip?")).isEmpty();
    assertThat(Audience.asksWhatOthersMay("my friend's phone is broken, are they allowed to borrow mine?")).isEmpty();
    // being in a picture is what staff may do with it
    assertThat(Audience.asksWhatOthersMay("a child in class is flagged as at risk. Is she ok to be in the class photo?")).isEmpty();
    assertThat(Audience.asksWhatOthersMay("a girl in my class has her phone out, is she allowed to use it?")).contains(Audience.Party.PUPILS);
  }

  @Test
  void should_tell_a_rule_for_pupils_or_parents_from_one_for_staff_that_names_them() {
    assertThat(Audience.Party.PUPILS.hasRuleIn("Pupils are not allowed to use their phones in school and must leave them in the office.")).isTrue();
    assertThat(Audience.Party.PUPILS.hasRuleIn("Pupils must not use their iPad in School corridors")).isTrue();
    assertThat(Audience.Party.PUPILS.hasRuleIn("Staff mobile phones must not be used to take pictures of children in our school.")).isFalse();
    assertThat(Audience.Party.PUPILS.hasRuleIn("Are not permitted to use personal digital equipment, such as mobile phones and cameras, to record images of pupils"))
        .isFalse();
    assertThat(Audience.Party.PARENTS.hasRuleIn("Filming and photography by parents and the wider community at school events are allowed")).isTrue();
    assertThat(Audience.Party.PARENTS.hasRuleIn("Parents are not expected to post pictures of pupils other than their own children")).isTrue();
    assertThat(Audience.Party.PARENTS.hasRuleIn("Staff must not give their personal phone numbers to parents.")).isFalse();
    // a parent in school is a visitor
    assertThat(Audience.Party.PARENTS.hasRuleIn("Visitors may only use their phones in the foyer or outside the building")).isTrue();
  }

  @Test
  void should_put_the_staff_rule_first_when_staff_ask_about_themselves() {
    List<Hit> hits = TestEngine.index().search("glais", "can I accept a parent's friend request?", SearchMode.HYBRID, 3);

    assertThat(hits.get(0).clause().text()).contains("school staff are advised not to invite, accept or engage in communications with new parents");
  }
}
