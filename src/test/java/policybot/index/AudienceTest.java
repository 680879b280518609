package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.TestEngine;

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
  void should_tell_a_question_about_the_askers_own_conduct() {
    assertThat(Audience.aboutOwnConduct("can I accept a parent's friend request?")).isTrue();
    assertThat(Audience.aboutOwnConduct("i’m on a trip, is my phone ok?")).isTrue();
    assertThat(Audience.aboutOwnConduct("are the kids allowed to bring their phones into school?")).isFalse();
  }

  @Test
  void should_tell_a_question_about_what_pupils_may_do_from_one_about_staff() {
    assertThat(Audience.asksWhatPupilsMay("are the kids allowed to bring their phones into school?")).isTrue();
    assertThat(Audience.asksWhatPupilsMay("a child has their phone out in class, are they allowed it?")).isTrue();
    assertThat(Audience.asksWhatPupilsMay("do the kids have to hand their phones in at the start of the day")).isTrue();
    assertThat(Audience.asksWhatPupilsMay("can I let the kids use my phone to take pictures?")).isFalse();
    assertThat(Audience.asksWhatPupilsMay("can I take photos of the children on a trip?")).isFalse();
    assertThat(Audience.asksWhatPupilsMay("my friend's phone is broken, are they allowed to borrow mine?")).isFalse();
  }

  @Test
  void should_tell_a_rule_for_pupils_from_one_for_staff_that_names_them() {
    assertThat(Audience.setsRuleForPupils("Pupils are not allowed to use their phones in school and must leave them in the office.")).isTrue();
    assertThat(Audience.setsRuleForPupils("Pupils must not use their iPad in School corridors")).isTrue();
    assertThat(Audience.setsRuleForPupils("Staff mobile phones must not be used to take pictures of children in our school.")).isFalse();
    assertThat(Audience.setsRuleForPupils("Are not permitted to use personal digital equipment, such as mobile phones and cameras, to record images of pupils")).isFalse();
  }

  @Test
  void should_put_the_staff_rule_first_when_staff_ask_about_themselves() {
    List<Hit> hits = TestEngine.index().search("glais", "can I accept a parent's friend request?", SearchMode.HYBRID, 3);

    assertThat(hits.get(0).clause().text()).contains("school staff are advised not to invite, accept or engage in communications with new parents");
  }
}
