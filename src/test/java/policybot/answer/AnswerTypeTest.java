package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import policybot.TestEngine;
import policybot.corpus.Clause;
import policybot.index.Hit;

class AnswerTypeTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "how long do we keep cctv footage",
        "How often do I have to change my password?",
        "what time do staff have to be in?",
        "a parent wants her photo taken down, how quickly does that have to happen?",
        "is there a deadline for reporting a lost laptop?",
        "When is the deadline for parents to send back the forms?",
        "how much notice do parents get before the school photographer comes in?"
      })
  void should_see_a_question_that_wants_a_time(String question) {
    assertThat(AnswerType.TIME.askedFor(question)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "how do i report a scam email",
        "can I keep photos on my laptop?",
        "who do I ask?",
        "when can I use my phone?",
        "a pupil keeps messaging me about the coursework deadline, can I reply?"
      })
  void should_not_see_one_in_other_questions(String question) {
    assertThat(AnswerType.TIME.askedFor(question)).isFalse();
    assertThat(AnswerType.NUMBER.askedFor(question)).isFalse();
  }

  @Test
  void should_want_a_clause_saying_the_school_has_it_when_asked_whether_there_is_one() {
    assertThat(AnswerType.EXISTS.askedFor("are there cctv cameras in the playground and who gets to look at the footage")).isTrue();
    assertThat(AnswerType.EXISTS.askedFor("is there online safety training for new staff")).isTrue();
    assertThat(AnswerType.EXISTS.askedFor("is there a problem if i post it?")).isFalse();
    assertThat(AnswerType.EXISTS.askedFor("is there a particular person I should go to with questions?")).isFalse();
    assertThat(AnswerType.EXISTS.askedFor("do i just mention it to the head or is there more to it")).isFalse();
    assertThat(AnswerType.EXISTS.givenBy("Where the school provides mobile technologies such as phones, laptops and PDAs for offsite visits")).isTrue();
    assertThat(AnswerType.EXISTS.givenBy("Events such as Sports Day may be recorded by video and photographs by staff and parents.")).isFalse();
  }

  @Test
  void should_want_the_sentence_saying_the_school_has_it_to_name_the_thing_asked_about() {
    AnswerType.Kind mobile = AnswerType.existenceOf("is there a school mobile i can take on trips for emergencies?");
    AnswerType.Kind cctv = AnswerType.existenceOf("Are there CCTV cameras in the playground?");

    assertThat(mobile.givenBy("Personal devices must only be used with the explicit permission of the Head. Each class has Ipads specifically for this purpose.")).isFalse();
    assertThat(mobile.givenBy("Where the school provides mobile technologies such as phones for offsite visits, only these devices should be used.")).isTrue();
    assertThat(cctv.givenBy("All school cameras should be kept securely. Each class has Ipads.")).isFalse();
    assertThat(cctv.givenBy("The school has CCTV at the main gate.")).isTrue();
    // nothing named but the school itself: any sentence saying the school has something will do
    assertThat(AnswerType.existenceOf("is there a school one?").givenBy("Each class has Ipads.")).isTrue();
  }

  @Test
  void should_want_a_route_that_names_the_thing_when_asked_how_to_go_about_it() {
    AnswerType.Kind scam = AnswerType.procedureOf("how do i report a scam email that came into my school inbox");
    AnswerType.Kind ask = AnswerType.procedureOf("how do i ask?");

    assertThat(AnswerType.PROCEDURE.askedFor("what's the procedure for a fire drill?")).isTrue();
    assertThat(AnswerType.PROCEDURE.askedFor("can i take photos on the trip?")).isFalse();
    assertThat(scam.givenBy("Staff will report any incidents of concern regarding staff use of technology to the Head.")).isFalse();
    assertThat(scam.givenBy("Any scam or phishing email must be reported to the IT support team.")).isTrue();
    // nothing named to look for: a sentence giving any route will do
    assertThat(ask.givenBy("You may not use it unless specific permission has been given from the Headteacher.")).isTrue();
    assertThat(ask.givenBy("You may not use it for personal use.")).isFalse();
  }

  @Test
  void should_want_a_number_or_an_address_when_asked_for_a_contact_detail() {
    assertThat(AnswerType.CONTACT.askedFor("whats the phone number / extension for the IT helpdesk?")).isTrue();
    assertThat(AnswerType.CONTACT.askedFor("does anyone have the LADO's phone number")).isTrue();
    assertThat(AnswerType.CONTACT.askedFor("what is the email address for the data protection officer?")).isTrue();
    assertThat(AnswerType.CONTACT.askedFor("whats the staff wifi password")).isTrue();
    assertThat(AnswerType.CONTACT.askedFor("can I tell a supply teacher my password?")).isFalse();
    assertThat(AnswerType.CONTACT.askedFor("can i give my mobile number to the year 6s on the residential?")).isFalse();
    assertThat(AnswerType.CONTACT.askedFor("is it ok to use my school email address for my car insurance?")).isFalse();
    assertThat(AnswerType.CONTACT.givenBy("Viruses - any virus outbreaks are to be reported to the ICT Helpdesk as soon as it is practical.")).isFalse();
    assertThat(AnswerType.CONTACT.givenBy("Ring the ICT Helpdesk on 01792 636 000 or email helpdesk@swansea.gov.uk.")).isTrue();
    assertThat(AnswerType.CONTACT.givenBy("Review date Sept 2024 Next Review Sept 2025")).isFalse();
  }

  @Test
  void should_send_a_request_for_a_number_the_policies_do_not_give_to_the_head() {
    Answer a = TestEngine.answers().ask(Question.of("staff-code-2024", "what's the phone number for the ICT helpdesk? need to report a virus"));

    assertThat(a).isInstanceOf(Answer.Escalated.class);
    assertThat(((Answer.Escalated) a).reason()).isEqualTo(EscalationReason.NO_CONTACT_GIVEN);
  }

  @Test
  void should_want_a_clause_naming_what_the_question_asks_has_to_be_done() {
    AnswerType.Kind encrypted = AnswerType.requirementOf("does my memory stick need to be encrypted if i've got pupil data on it").orElseThrow();
    AnswerType.Kind delete = AnswerType.requirementOf("do we have to delete the photos when the kids leave?").orElseThrow();

    assertThat(encrypted.givenBy("No passwords should be divulged and memory sticks should also be encrypted.")).isTrue();
    assertThat(encrypted.givenBy("If it is necessary for you to take work home, or off site, you should ensure that your device is securely stored")).isFalse();
    assertThat(delete.givenBy("all photographs will be shredded or deleted from the school network")).isTrue();
    // the policies' other word for the deed
    assertThat(AnswerType.requirementOf("when im done with it do i have to wipe it off the stick?").orElseThrow()
            .givenBy("all such data must be kept secure on password protected or encrypted devices and destroyed at the end of the period"))
        .isTrue();
    // nothing checkable: a word that names no requirement, a phrasal verb, a plain permission question
    assertThat(AnswerType.requirementOf("what time do staff have to be in by?")).isEmpty();
    assertThat(AnswerType.requirementOf("should they be kept out of the class photo?")).isEmpty();
    assertThat(AnswerType.requirementOf("do I have to tell the head?")).isEmpty();
    assertThat(AnswerType.required("new starter - do i actually have to sign this ICT policy thing?")).contains("sign");
    assertThat(AnswerType.required("does it have to be in writing or is a quick chat enough?")).contains("writi");
    // the thing required after "a" or "an": the stick is to be encrypted
    assertThat(AnswerType.required("does it have to be an encrypted one or is a normal stick ok?")).contains("encry");
    // "tell" is named otherwise in the policies: not checked by its letters, but still an action
    assertThat(AnswerType.required("do i need to tell anyone?")).isEmpty();
    assertThat(AnswerType.requiredAction("do i need to tell anyone?")).contains("tell");
    // the other way round of a permission question
    assertThat(AnswerType.requiredAction("i'd just log in from my own laptop at home. is that allowed or do i need to stay late?")).isEmpty();
    assertThat(AnswerType.requiredAction("a parent put a nasty comment on our page. can i just delete it or do i have to leave it")).isEmpty();
    assertThat(AnswerType.requirementOf("can I use my phone on a trip?")).isEmpty();
  }

  @Test
  void should_send_a_question_whether_something_must_be_done_that_no_clause_mentions_to_the_head() {
    // the staff code never mentions encryption; Moorthorpe's says memory sticks should be encrypted
    Answer unsettled = TestEngine.answers().ask(Question.of("staff-code-2024", "does my memory stick need to be encrypted?"));
    Answer settled = TestEngine.answers().ask(Question.of("moorthorpe", "does my memory stick need to be encrypted?"));

    assertThat(unsettled).isInstanceOf(Answer.Escalated.class);
    assertThat(((Answer.Escalated) unsettled).reason()).isEqualTo(EscalationReason.NO_REQUIREMENT_GIVEN);
    assertThat(settled).isInstanceOf(Answer.Grounded.class);
    // the sentence requiring it answers yes (before, "will ensure that data is kept secure ... as
    // authorised by the Head" in front of it made it "only with permission")
    assertThat(((Answer.Grounded) settled).verdict()).isEqualTo(Verdict.YES);
    assertThat(((Answer.Grounded) settled).citations().get(0).highlight()).isEqualTo("No passwords should be divulged and memory sticks should also be encrypted.");
  }

  @Test
  void should_send_a_question_about_a_thing_no_clause_says_the_school_has_to_the_head() {
    Answer a = TestEngine.answers().ask(Question.of("moorthorpe", "is there a school mobile I can take on trips for emergencies?"));

    assertThat(a).isInstanceOf(Answer.Escalated.class);
    assertThat(((Answer.Escalated) a).reason()).isEqualTo(EscalationReason.NOT_SAID_TO_EXIST);
  }

  @Test
  void should_want_a_number_for_how_many_and_find_one_in_digits_or_words_but_not_a_year_group() {
    assertThat(AnswerType.NUMBER.askedFor("how many photos can I put on the blog")).isTrue();
    assertThat(AnswerType.NUMBER.askedFor("whats the minimum number of characters our passwords have to be")).isTrue();
    assertThat(AnswerType.NUMBER.givenBy("Staff must never add pupils under the age of 18 as friends")).isTrue();
    assertThat(AnswerType.NUMBER.givenBy("no more than two images per post")).isTrue();
    assertThat(AnswerType.NUMBER.givenBy("for example sports day/Y6 Prom")).isFalse();
    // "once" as a conjunction gives no number, nor a time
    assertThat(AnswerType.NUMBER.givenBy("Once you have read and understood both you must sign this policy sheet")).isFalse();
    assertThat(AnswerType.TIME.givenBy("Once you have read and understood both you must sign this policy sheet")).isFalse();
    assertThat(AnswerType.TIME.givenBy("passwords are changed once a term")).isTrue();
    // a year is no count of anything
    assertThat(AnswerType.NUMBER.givenBy("Under the data protection act of 1998 school must seek parental consent")).isFalse();
    assertThat(AnswerType.NUMBER.givenBy("no more than 2 photos of each child")).isTrue();
    assertThat(AnswerType.NUMBER.givenBy("pupils in year 6 may bring phones")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "This policy will be reviewed bi-annually.",
        "Review date Sept 2024 Next Review Sept 2025",
        "Records are kept for two years after a pupil leaves.",
        "Report it within 24 hours.",
        "Passwords must be changed every term.",
        "Staff must be in school by 8:30 am.",
        "The filtering logs are checked daily."
      })
  void should_find_a_time_in_a_clause_that_gives_one(String clause) {
    assertThat(AnswerType.TIME.givenBy(clause)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Filming and photography by parents at school events, such as sports days and school productions, are allowed.",
        "Each class has Ipads specifically for this purpose.",
        "Staff will take photographs of children, for example sports day/Y6 Prom.",
        "Images will only be taken, stored and used for purposes within school.",
        "Under the data protection act of 1998 school must seek parental consent to take photographs.",
        "ICT and the related technologies such as email, the internet and mobile devices are an expected part of our daily working life in school."
      })
  void should_find_none_in_a_clause_that_only_mentions_days_classes_year_groups_or_a_year(String clause) {
    assertThat(AnswerType.TIME.givenBy(clause)).isFalse();
  }

  @Test
  void should_escalate_a_how_long_question_the_clauses_give_no_time_for_and_answer_one_they_do() {
    Answer keep = TestEngine.answers().ask(Question.of("moorthorpe", "how long does the school keep photos of the children once they've left?"));
    Answer cctv = TestEngine.answers().ask(Question.of("glais", "how long do we keep cctv footage"));
    Answer review = TestEngine.answers().ask(Question.of("moorthorpe", "how often does this policy get reviewed"));

    assertThat(keep).isInstanceOfSatisfying(Answer.Escalated.class, e -> assertThat(e.reason()).isEqualTo(EscalationReason.NO_FIGURE_GIVEN));
    assertThat(cctv).isInstanceOfSatisfying(Answer.Escalated.class, e -> assertThat(e.reason()).isEqualTo(EscalationReason.NO_FIGURE_GIVEN));
    assertThat(review).isInstanceOfSatisfying(Answer.Grounded.class,
        g -> assertThat(g.citations()).anyMatch(c -> c.text().contains("reviewed bi-annually")));
  }

  @Test
  void should_answer_what_pupils_may_do_only_from_a_rule_for_pupils() {
    Answer glais = TestEngine.answers().ask(Question.of("glais", "are pupils allowed to use their phones in school?"));
    Answer staffOnly = TestEngine.answers().ask(Question.of("educating-for-life", "are pupils allowed to use their own phones in lessons?"));

    assertThat(glais).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      assertThat(g.verdict()).isEqualTo(Verdict.NO);
      assertThat(g.citations().get(0).highlight()).startsWith("Pupils are not allowed to use their phones in school");
    });
    assertThat(staffOnly).isInstanceOfSatisfying(Answer.Escalated.class, e -> assertThat(e.reason()).isEqualTo(EscalationReason.NO_RULE_FOR_THEM));
  }

  @Test
  void should_see_a_question_that_asks_what_happens_and_a_clause_that_says() {
    assertThat(AnswerType.CONSEQUENCE.askedFor("what happens if I lose a school USB stick?")).isTrue();
    assertThat(AnswerType.CONSEQUENCE.askedFor("am i on the hook for that??")).isTrue();
    assertThat(AnswerType.CONSEQUENCE.askedFor("can I lose my temper?")).isFalse();
    assertThat(AnswerType.CONSEQUENCE.askedFor("what happens to staff who break the policy?")).isTrue();
    // how a thing is handled, which a rule answers
    assertThat(AnswerType.CONSEQUENCE.askedFor("what happens with the children's phones when they arrive?")).isFalse();
    assertThat(AnswerType.CONSEQUENCE.givenBy("Deliberate access to inappropriate materials by any user will lead to the incident being logged")).isTrue();
    assertThat(AnswerType.CONSEQUENCE.givenBy("any virus outbreaks are to be reported to the ICT Helpdesk as soon as it is practical")).isTrue();
    assertThat(AnswerType.CONSEQUENCE.givenBy("Photographs may be displayed in school sanctioned media e.g. prospectus")).isFalse();
    assertThat(AnswerType.CONSEQUENCE.givenBy("Should use secure portable media (eg USB stick) provided by the school")).isFalse();
  }

  @Test
  void should_escalate_a_what_happens_question_the_clauses_do_not_answer_and_answer_one_they_do() {
    Answer lost = TestEngine.answers().ask(Question.of("educating-for-life", "what happens if I lose a school USB stick with pupil data on it?"));
    Answer deliberate = TestEngine.answers().ask(Question.of("eyrescroft", "what happens if someone deliberately goes on inappropriate sites"));

    assertThat(lost).isInstanceOfSatisfying(Answer.Escalated.class, e -> assertThat(e.reason()).isEqualTo(EscalationReason.NO_CONSEQUENCE_GIVEN));
    assertThat(deliberate).isInstanceOfSatisfying(Answer.Grounded.class,
        g -> assertThat(g.citations()).anyMatch(c -> c.text().contains("will lead to the incident being logged")));
  }

  @Test
  void should_answer_what_parents_may_do_only_from_a_rule_for_parents() {
    Answer moorthorpe = TestEngine.answers().ask(Question.of("moorthorpe",
        "Governor here. Parents keep asking whether they're allowed to film their own kids at sports day this year - are they?"));
    Answer staffOnly = TestEngine.answers().ask(Question.of("educating-for-life",
        "Parents keep asking if they can film the Christmas concert. Are they allowed?"));

    assertThat(moorthorpe).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      // "are allowed, but ... parents are reminded to only film their child": allowed within a limit
      assertThat(g.verdict()).isIn(Verdict.YES, Verdict.CONDITIONAL);
      assertThat(g.citations().get(0).highlight()).startsWith("Filming and photography by parents");
    });
    assertThat(staffOnly).isInstanceOfSatisfying(Answer.Escalated.class, e -> assertThat(e.reason()).isEqualTo(EscalationReason.NO_RULE_FOR_THEM));
  }

  @Test
  void should_see_a_question_about_someone_past_the_age_a_rule_stops_at() {
    String rule = "Staff must never add pupils or ex pupils under the age of 18 as friends into their personal accounts.";

    assertThat(AnswerType.pastTheAgeLimit("An ex-pupil who's now 19 wants to add me on Facebook - is that allowed?", rule)).isTrue();
    assertThat(AnswerType.pastTheAgeLimit("can i add an ex pupil who is 16 as a friend?", rule)).isFalse();
    assertThat(AnswerType.pastTheAgeLimit("can i add an ex pupil as a friend?", rule)).isFalse();
    assertThat(AnswerType.pastTheAgeLimit("a former pupil, 20 years old now, sent me a request", rule)).isTrue();
  }

  @Test
  void should_want_a_time_for_a_yes_no_question_about_every_year_or_term() {
    assertThat(AnswerType.TIME.askedFor("do staff have to do e-safety training every year")).isTrue();
    assertThat(AnswerType.TIME.askedFor("do we change passwords each term?")).isTrue();
    assertThat(AnswerType.TIME.askedFor("can I use my phone every break?")).isFalse();
  }

  @Test
  void should_see_a_question_that_asks_who_pays_and_a_clause_that_says() {
    assertThat(AnswerType.WHO_PAYS.askedFor("if a kid drops the class ipad do i have to pay for a new one")).isTrue();
    assertThat(AnswerType.WHO_PAYS.askedFor("Will I have to pay for it?")).isTrue();
    assertThat(AnswerType.WHO_PAYS.askedFor("screen's cracked, am i going to have to pay for it")).isTrue();
    assertThat(AnswerType.WHO_PAYS.askedFor("will whoever dropped it have to pay?")).isTrue();
    assertThat(AnswerType.WHO_PAYS.askedFor("do school give us the encrypted memory sticks or are we expected to buy our own")).isTrue();
    assertThat(AnswerType.WHO_PAYS.askedFor("do i get paid extra for running the school facebook page")).isTrue();
    assertThat(AnswerType.WHO_PAYS.askedFor("can I pay for the trip with my own card?")).isFalse();
    assertThat(AnswerType.WHO_PAYS.askedFor("what happens if I lose the iPad?")).isFalse();
    assertThat(AnswerType.WHO_PAYS.givenBy("You will be liable for a replacement if due care has not been taken.")).isTrue();
    assertThat(AnswerType.WHO_PAYS.givenBy("If the iPad is lost, stolen, or damaged, the Head Teacher must be notified immediately.")).isFalse();
  }

  @Test
  void should_answer_who_pays_from_the_sentence_that_says_and_escalate_where_none_does() {
    Answer glais = TestEngine.answers().ask(Question.of("glais", "I've lost the school iPad, will I have to pay for it?"));
    Answer moorthorpe = TestEngine.answers().ask(Question.of("moorthorpe", "if a kid drops the class ipad while im using it with them do i have to pay for a new one"));

    // the key sentence is the one that says who pays, and the verdict is information, not "no"
    assertThat(glais).isInstanceOfSatisfying(Answer.Grounded.class, g -> {
      assertThat(g.verdict()).isEqualTo(Verdict.INFO);
      assertThat(g.citations().get(0).highlight()).isEqualTo("You will be liable for a replacement if due care has not been taken.");
    });
    assertThat(moorthorpe).isInstanceOfSatisfying(Answer.Escalated.class, e -> assertThat(e.reason()).isEqualTo(EscalationReason.NO_COST_GIVEN));
  }

  @Test
  void should_put_first_the_clause_that_gives_the_kind_of_answer_asked_for() {
    Hit plain = hit("Staff may bring in personal mobile phones.");
    Hit pays = hit("The school is not responsible for the loss, damage or theft of any personal mobile device.");
    List<AnswerType.Kind> wants = AnswerType.wanted("will school cover it?");

    assertThat(AnswerType.givingWhatIsAsked(List.of(plain, pays), wants, Optional.empty())).containsExactly(pays, plain);
    assertThat(AnswerType.givingWhatIsAsked(List.of(plain, pays), List.of(), Optional.empty())).containsExactly(plain, pays);
    assertThat(AnswerType.givingWhatIsAsked(List.of(plain), wants, Optional.empty())).containsExactly(plain);
  }

  private static Hit hit(String text) {
    return new Hit(new Clause("c" + text.length(), "glais", "policy", List.of(), "", "", text, 0), 0.1, 1, 1, 0.5, 1f, 0.5, 0.2, 0.3);
  }

  @Test
  void should_want_a_clause_naming_one_of_the_two_things_a_question_chooses_between() {
    AnswerType.Kind choice = AnswerType.choiceOf("for remote learning days are we supposed to use Teams or Zoom for the live lessons?").orElseThrow();

    assertThat(choice.givenBy("Online Learning – you must follow the guidance for remote learning in the KCSiE 2024 annex D")).isFalse();
    assertThat(choice.givenBy("Live lessons are to be delivered through Microsoft Teams only.")).isTrue();
    // little words after "or" are passed over
    assertThat(AnswerType.choiceOf("should my instagram be set to private or is public fine?").orElseThrow().givenBy("set their privacy settings"))
        .isTrue();
    // two questions joined, or no thing named on one side, is no choice
    assertThat(AnswerType.choiceOf("who should i talk to if i've got an e-safety worry or want something clarified?")).isEmpty();
    assertThat(AnswerType.choiceOf("can I use my phone or not?")).isEmpty();
    assertThat(AnswerType.choiceOf("is it mine or someone else's job?")).isEmpty();

    Answer a = TestEngine.answers().ask(Question.of("staff-code-2024", "for remote learning days are we supposed to use Teams or Zoom for the live lessons?"));
    assertThat(a).isInstanceOfSatisfying(Answer.Escalated.class, e -> assertThat(e.reason()).isEqualTo(EscalationReason.NEITHER_CHOICE_NAMED));
  }

  @Test
  void should_tell_a_question_asking_whom_to_tell_and_a_clause_that_says() {
    assertThat(AnswerType.asksWhomToTell("something really inappropriate came up. who do I report that to?")).isTrue();
    assertThat(AnswerType.asksWhomToTell("if im unsure about something in it who should i talk to?")).isTrue();
    assertThat(AnswerType.asksWhomToTell("who's the go-to person if I'm not sure?")).isTrue();
    assertThat(AnswerType.asksWhomToTell("who can see my emails?")).isFalse();
    assertThat(AnswerType.namesWhomToTell("Members of staff should consult with Mr G Scott for further information and clarification.")).isTrue();
    assertThat(AnswerType.namesWhomToTell("All school cameras and recording devices should be kept securely at all times")).isFalse();
    assertThat(AnswerType.namesWhomToTell("should report any accidental access of inappropriate materials to their line manager")).isTrue();
    // the agreement's name is no one's agreement to ask for
    assertThat(AnswerType.namesWhomToTell("I agree to follow this Acceptable Use Agreement/Code of Conduct")).isFalse();
  }
}
