package policybot.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import policybot.TestEngine;

class QuestionTermsTest {
  private final ClauseIndex index = TestEngine.index();

  @Test
  void should_give_a_question_asked_again_the_same_groups_which_no_caller_can_change() {
    // a question's groups are worked out once and shared by search, key sentence and verdict
    List<Set<String>> first = index.subjectTerms("can i give my password to the IT technician?");
    List<Set<String>> again = index.subjectTerms("can i give my password to the IT technician?");

    assertThat(again).isEqualTo(first).anySatisfy(g -> assertThat(g).contains("password"));
    assertThatThrownBy(() -> first.get(0).add("changed")).isInstanceOf(UnsupportedOperationException.class);
    assertThat(index.subjectTerms("can i give my password to the IT technician?")).noneMatch(g -> g.contains("changed"));
  }

  @Test
  void should_look_synonyms_up_on_the_words_as_written_not_on_their_stems() {
    // the stemmer turns "residential" into "residenti", which the synonym list does not know
    List<Set<String>> terms = index.subjectTerms("what about on a residential?");

    assertThat(terms).anySatisfy(g -> assertThat(g).contains("residenti", "trip", "visit"));
  }

  @Test
  void should_expand_a_two_word_synonym_to_both_of_its_words() {
    List<Set<String>> terms = index.subjectTerms("who do i report a colleague to if they're misusing social media");

    assertThat(terms).filteredOn(g -> g.contains("media")).singleElement().satisfies(g -> assertThat(g).contains("network"));
  }

  @Test
  void should_leave_out_the_words_that_only_frame_the_question_from_the_subject() {
    List<Set<String>> subject = index.subjectTerms("am i allowed to email parents from my gmail");
    List<Set<String>> all = index.questionTerms("am i allowed to email parents from my gmail");

    assertThat(subject).noneMatch(g -> g.contains("allow"));
    assertThat(subject).anyMatch(g -> g.contains("email"));
    assertThat(all).anyMatch(g -> g.contains("allow"));
  }

  @Test
  void should_leave_everyday_words_that_name_no_topic_out_of_the_subject_but_not_out_of_the_search() {
    // "put" and "new" are rare in the policies, so a clause lacking them lost as much coverage as
    // one lacking "app"; the keyword search still gets them
    List<Set<String>> subject = index.subjectTerms("Am I allowed to put a new app on the school laptop?");
    List<Set<String>> all = index.questionTerms("Am I allowed to put a new app on the school laptop?");

    assertThat(subject).noneMatch(g -> g.contains("put") || g.contains("new"));
    assertThat(subject).anySatisfy(g -> assertThat(g).contains("app", "softwar"));
    assertThat(all).anyMatch(g -> g.contains("new"));
  }

  @Test
  void should_read_putting_a_game_on_a_class_computer_as_installing_it() {
    // Eyrescroft: "I will not install any hardware or software that is not for educational
    // purposes"; the question's "put", "free" and "maths" are in no clause, so it used to escalate
    String q = "can i put a free maths game on the classroom pc";
    List<Hit> hits = index.search("eyrescroft", q, SearchMode.HYBRID, 1);

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("instal")).anySatisfy(g -> assertThat(g).contains("educ"));
    assertThat(hits.get(0).clause().text()).contains("not install any hardware or software");
    assertThat(index.subjectTerms("put your name on the sign-in sheet")).noneMatch(g -> g.contains("instal"));
  }

  @Test
  void should_read_popping_pictures_on_instagram_as_posting_them() {
    // Glais: "Staff must not post pictures of school events without the Headteacher's consent."
    String q = "Got some lovely pics from the christmas fair, ok if I pop a couple on my own instagram?";
    List<Hit> hits = index.search("glais", q, SearchMode.HYBRID, 3);

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("post")).anySatisfy(g -> assertThat(g).contains("event"));
    assertThat(hits).anySatisfy(h -> assertThat(h.clause().text()).contains("must not post pictures of school events"));
    assertThat(index.subjectTerms("can i put the kettle on in the staffroom")).noneMatch(g -> g.contains("post"));
  }

  @Test
  void should_read_logging_in_as_someone_else_as_using_another_users_login() {
    String q = "My colleague's forgotten her password again, can she just log in as me for the afternoon?";
    List<Hit> hits = index.search("glais", q, SearchMode.HYBRID, 3);

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("anoth"));
    assertThat(hits).anySatisfy(h -> assertThat(h.clause().text()).contains("another user's ID or password"));
  }

  @Test
  void should_read_moaning_about_work_online_as_bringing_the_role_into_disrepute() {
    // Eyrescroft: "I will ensure that my online activity ... will not bring my professional role
    // into disrepute"; "twitter" alone met "... personal details, such as ... social networking"
    List<Hit> hits = index.search("eyrescroft", "i moan about work a bit on my personal twitter, is that allowed", SearchMode.HYBRID, 1);

    assertThat(hits.get(0).clause().text()).contains("professional role into disrepute");
  }

  @Test
  void should_read_a_year_group_as_pupils_not_as_years() {
    // "year 6s" used to meet educating-for-life's "Review Period: Three Years"
    String q = "Some of my year 6s want to follow me on insta and DM me homework questions, is that ok?";
    List<Hit> hits = index.search("educating-for-life", q, SearchMode.HYBRID, 3);

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("pupil")).noneMatch(g -> g.contains("year"));
    assertThat(hits).noneMatch(h -> h.clause().text().startsWith("Review Period"));
    assertThat(index.subjectTerms("how many years do we keep photos")).anySatisfy(g -> assertThat(g).contains("year"));
  }

  @Test
  void should_read_seeing_what_sites_staff_go_on_as_monitoring() {
    for (String q : List.of("can the school see what websites I go on?", "does anyone actually check what sites we go on?")) {
      assertThat(index.subjectTerms(q)).as(q).anySatisfy(g -> assertThat(g).contains("monitor"));
    }
    assertThat(index.subjectTerms("can i check what time the trip leaves")).noneMatch(g -> g.contains("monitor"));
  }

  /**
   * Staff wording the question rewrites read as the policies' (PolicyAnalyzer.QUESTION_PHRASES):
   * a question, a stem its word groups must hold or lack, and whether they hold it.
   */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "someone used my login, will that come back on me? | respons | true",
        "will I get the blame if it goes missing? | respons | true",
        "if she looked at something dodgy on it who gets the blame, her or me? | respons | true",
        "my login was used last night and i wasnt even here. its not my problem right? | respons | true",
        "can i come back on the coach with them | respons | false",
        "is it ok to pay my council tax on the staffroom pc? | person | true",
        "ok to renew my car insurance on the class laptop? | person | true",
        "who has the insurance papers for the minibus | person | false",
        "can i bring my own ipad in to play music in class? | equip | true",
        "can I take reports home on my own laptop to finish them? | equip | false",
        "one of my yr6s asked for my whatsapp so she can send me her homework | detail | true",
        "can i check my whatsapp at lunch | detail | false",
        "i clicked a link and something really dodgy came up | inadvert | true",
        "ended up on a porn site on the class pc, what do i do | inadvert | true",
        "can i link my phone to the class pc | inadvert | false",
        "what happens if a member of staff gets caught looking at stuff they shouldn't? | inappropri | true",
        "someone went on really bad websites | inappropri | true",
        "what things should i bring on the trip | inappropri | false",
        "The local paper wants a photo of our class assembly. Can I just email them one? | distribut | true",
        "can i print the photos on school paper | distribut | false",
        "my TA keeps asking for my login so she can print things off | disclos | true",
        "the login page keeps asking for my details | disclos | false"
      })
  void should_read_staff_wording_as_the_policies(String question, String stem, boolean holds) {
    assertThat(index.subjectTerms(question).stream().anyMatch(g -> g.contains(stem))).as(question).isEqualTo(holds);
  }

  @Test
  void should_read_not_sure_as_unsure_in_a_question_but_leave_policy_text_as_written() {
    // "not" is a stop word and "sure" names no topic, so "if I'm not sure" used to leave nothing to
    // meet the policies' "Any concerns or clarification should be discussed with ..."
    for (String q : List.of("who do i talk to if i'm not sure about the agreement", "who do i ask if i don't know whether it's ok")) {
      assertThat(index.subjectTerms(q)).as(q).anySatisfy(g -> assertThat(g).contains("unsur", "clarif", "concern"));
    }
    assertThat(index.terms("I am not sure")).doesNotContain("unsur");
    assertThat(PolicyAnalyzer.expandForEmbedding("what if I'm not sure?")).contains("clarification");
  }

  @Test
  void should_read_a_lunch_break_as_a_rest_not_as_damage() {
    for (String q : List.of("can i do my online banking on the school pc in my lunch break", "can i go on facebook on my break")) {
      assertThat(index.subjectTerms(q)).as(q).noneMatch(g -> g.contains("damag"));
    }
    assertThat(index.subjectTerms("i dropped the ipad and it might break")).anySatisfy(g -> assertThat(g).contains("damag"));
  }

  @Test
  void should_find_the_policies_pre_existing_communications_for_friends_from_before() {
    String q = "i've been mates with a mum on facebook since way before her son started here, is that ok?";
    List<Hit> hits = index.search("glais", q, SearchMode.HYBRID, 3);

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("exist")).anySatisfy(g -> assertThat(g).contains("friend"));
    assertThat(hits).anySatisfy(h -> assertThat(h.clause().text()).contains("pre-existing engaged communications with parents"));
  }

  @Test
  void should_find_the_policies_staff_outings_for_a_staff_night_out() {
    // staff-code-2024: "images or videos of yourself, other staff or pupils without consent (i.e.
    // staff outings)"; before, the social-networking clause tied with it and came first
    List<Hit> hits = index.search("staff-code-2024", "Can I put photos from the staff night out on Instagram?", SearchMode.HYBRID, 1);

    assertThat(index.subjectTerms("pics from the christmas party")).anySatisfy(g -> assertThat(g).contains("outing"));
    assertThat(hits.get(0).clause().text()).contains("staff outings");
  }

  @Test
  void should_match_one_ipad_with_the_policy_s_ipads() {
    // "IPads must not be used at home" indexes as the same stem as a question's "ipad"
    assertThat(index.terms("IPads must not be used at home")).contains("ipad");
    assertThat(index.subjectTerms("can i take a school ipad home")).anySatisfy(g -> assertThat(g).contains("ipad"));
  }

  @Test
  void should_read_giving_someone_a_password_or_a_login_as_disclosing_it() {
    // Moorthorpe: "No staff, Governors or visitors will disclose any passwords provided to them by
    // the school"; "give her my password" shares no word with it but "password"
    for (String q :
        List.of(
            "my TA forgot her login, can i just give her my password for the day?",
            "someone rang saying they're from IT and need my password to fix my account, do i give it them?",
            "supply teacher asked if she could use my login to print, is that ok")) {
      assertThat(index.subjectTerms(q)).as(q).anySatisfy(g -> assertThat(g).contains("disclos"));
    }
    assertThat(index.search("moorthorpe", "my TA forgot her login, can i just give her my password for the day?", SearchMode.HYBRID, 1).get(0).clause().text())
        .contains("will disclose any passwords");
    // a social media handle given to a pupil is not a password, and giving something else is not disclosing one
    assertThat(index.subjectTerms("a Y6 asked if she can follow me on tiktok, can I give her my username")).noneMatch(g -> g.contains("disclos"));
    assertThat(index.subjectTerms("can i give her my mobile number? my password is on it")).noneMatch(g -> g.contains("disclos"));
  }

  @Test
  void should_find_the_policies_device_left_in_a_car_for_a_laptop_left_in_the_car() {
    // staff-code-2024: "you should ensure that your device is securely stored, if left in your car
    // please make sure it is locked in your boot"; "leave" and "left" stem apart, "laptop" is a device
    String q = "is it ok to leave the school laptop in my car overnight";

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("left")).anySatisfy(g -> assertThat(g).contains("devic"));
    assertThat(index.search("staff-code-2024", q, SearchMode.HYBRID, 1).get(0).clause().text()).contains("locked in your boot");
  }

  @Test
  void should_read_instagram_as_one_of_the_older_policies_web_2_technologies_and_messaging_as_communicating() {
    // Educating for Life: "Should not communicate with pupils ... via web 2 technologies, other
    // than through the appropriate school learning platforms"
    String q = "Some of my year 6s want to follow me on instagram and DM me homework questions, is that ok?";

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("web")).anySatisfy(g -> assertThat(g).contains("commun"));
    assertThat(index.search("educating-for-life", q, SearchMode.HYBRID, 3)).anySatisfy(h -> assertThat(h.clause().text()).contains("communicate with pupils"));
  }

  @Test
  void should_read_taking_data_home_as_the_policies_taking_it_off_the_school_premises() {
    // Eyrescroft: "whether in school, taken off the school premises or accessed remotely. Personal
    // data can only be taken out of school on password protected or encrypted devices"
    String q = "Can I take the SEN register home on a memory stick?";

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("premis", "remot")).anySatisfy(g -> assertThat(g).contains("person"));
    assertThat(index.search("eyrescroft", q, SearchMode.HYBRID, 1).get(0).clause().text()).contains("Personal data can only be taken out of school");
  }

  @Test
  void should_read_a_pop_up_a_printer_and_the_local_paper_in_the_policies_words() {
    assertThat(index.subjectTerms("a dodgy pop-up came up on the whiteboard")).anySatisfy(g -> assertThat(g).contains("incid"));
    assertThat(index.subjectTerms("can i plug my own printer into the class pc")).anySatisfy(g -> assertThat(g).contains("hardwar"));
    assertThat(index.subjectTerms("the local paper wants a photo of the team")).anySatisfy(g -> assertThat(g).contains("press"));
    // printed paper is not the press
    assertThat(index.subjectTerms("can i print the register on paper")).noneMatch(g -> g.contains("press"));
  }

  @Test
  void should_read_remember_me_as_the_policies_automated_logon() {
    String q = "is it ok to tick 'remember me' on the staffroom computer so i dont have to type my password in every morning";

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("autom"));
    assertThat(index.search("glais", q, SearchMode.HYBRID, 1).get(0).clause().text()).contains("automated logon");
  }

  @Test
  void should_read_emailing_photos_over_as_the_policies_distributing_them() {
    String q = "local paper want some pics of our sports day winners, am i ok to email a few over to them";

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("distribut"));
    assertThat(index.search("eyrescroft", q, SearchMode.HYBRID, 1).get(0).clause().text()).contains("Images will not be distributed outside the school network");
    // "emails on the staffroom computer" hands nothing over
    assertThat(index.subjectTerms("can I check my personal emails on the staffroom computer at lunch?")).noneMatch(g -> g.contains("distribut"));
  }

  @Test
  void should_read_giving_out_a_number_as_the_policies_personal_details() {
    String q = "on the y6 residential next wk and one of the older kids wants my mobile no. in case they get lost. am i ok to give it them?";

    assertThat(index.subjectTerms(q)).anySatisfy(g -> assertThat(g).contains("detail"));
    assertThat(index.search("educating-for-life", q, SearchMode.HYBRID, 1).get(0).clause().text()).contains("Should not give out their own personal details");
  }

  @Test
  void should_read_setting_up_a_class_account_as_the_policies_work_based_profiles() {
    String q = "thinking of setting up an insta account for our class to show off the kids work - do i need to get anyones ok first?";

    assertThat(index.search("glais", q, SearchMode.HYBRID, 3)).anySatisfy(h -> assertThat(h.clause().text()).containsAnyOf("Work-based profiles", "New social media services"));
    // a personal account is not a class one
    assertThat(index.subjectTerms("can I set up my own facebook account on the school pc?")).noneMatch(g -> g.contains("servic"));
  }

  @Test
  void should_read_lending_a_login_and_giving_a_handle_in_the_policies_words() {
    assertThat(index.subjectTerms("my colleague's login has expired and she asked to borrow mine for the afternoon, is that ok?"))
        .anySatisfy(g -> assertThat(g).contains("disclos"));
    assertThat(index.subjectTerms("can i lend her my laptop charger? she asked to borrow mine")).noneMatch(g -> g.contains("disclos"));
    assertThat(index.search("eyrescroft", "one of the mums asked if i'd follow her son on insta. can i give him my handle", SearchMode.HYBRID, 1).get(0).clause().text())
        .contains("social networking pages");
  }
}
