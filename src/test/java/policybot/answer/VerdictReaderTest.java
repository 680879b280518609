package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Verdicts read from real sentences of the sample policies in {@code corpus/}. */
class VerdictReaderTest {
  private static final String CORPUS = corpusText();

  private static String corpusText() {
    try (Stream<Path> files = Files.walk(Path.of("corpus"))) {
      return files
          .filter(p -> p.toString().endsWith(".txt") || p.toString().endsWith(".md"))
          .map(VerdictReaderTest::read)
          .collect(Collectors.joining("\n"))
          .replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sentence as the policies have it, so the test cannot drift to invented wording. */
  private static String policy(String sentence) {
    assertThat(CORPUS).contains(sentence);
    return sentence;
  }

  @Test
  void should_read_consent_that_is_assumed_as_allowed() {
    // Glais's photograph consent, whose "does not" the file wraps in markdown emphasis (so not
    // checked against the raw text): opt-out consent allows unless someone objects
    assertThat(VerdictReader.read("can I do it?", "If a parent/guardian does not return a non-consent form then permission will be assumed."))
        .isEqualTo(Verdict.YES);
    assertThat(VerdictReader.read("can I do it?", "School must seek parental consent to take photographs.")).isEqualTo(Verdict.CONDITIONAL);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Under no circumstances does the school allow a member of staff to contact a pupil or parent/carers using their personal device. | NO",
        "Privately owned ICT equipment should not be used on a school network. | NO",
        "Pupils are not allowed to use their phones in school and must leave them in the office. | NO",
        "Staff must not post pictures of school events without the Headteacher's consent. | CONDITIONAL",
        "Use of Personal ICT - use of personal ICT equipment is at the discretion of the Headteacher. | CONDITIONAL",
        "All staff, Governors and visitors will only use the school’s email / internet and any related technologies for uses permitted by the Head or Governing Body. | CONDITIONAL",
        "All staff, Governors and visitors understand that it is a disciplinary offence to use the school ICT equipment for any purpose not permitted by its owner. | NO",
        "Permission must be sought before any images or sound recordings are made on these devices of any member of the school community. | CONDITIONAL",
        "Only disclose your personal password to authorised ICT support staff when necessary, and never to anyone else. | CONDITIONAL",
        "Staff may use school computers for limited personal use, but NOT during contact time or in the presence of students | CONDITIONAL",
        "A school protocol exists for the appropriate use of web 2 technologies such as Twitter for communication within the school community, which involves ensuring that only pre-registered users may post on the site. | CONDITIONAL",
        "Where the school provides a laptop for staff, only this device may be used to conduct school business outside of school. | NO",
        "On occasion the school might like to use photographs of children taking part in an activity to advertise/promote the school via the website etc, however in this instance, the permission slips will indicate whether this is acceptable. | CONDITIONAL",
        // "no" before the thing forbids it as "not" does, but not in "so that no other person..."
        "No passwords should be divulged and memory sticks should also be encrypted. | NO",
        "There is no occasion when a password needs to be shared with another member of staff or student, or IT support. | NO",
        "It is strongly advised that you make no reference to your school life on these sites or otherwise bring your employer into disrepute. | NO",
        // "and not" joins a prohibition to what the person agrees to do
        "I will comply with the ICT system security and not disclose any passwords provided to me by the school or other related authorities. | NO",
        "Any such information that is written down must be kept in a secure place and disguised so that no other person will be able to identify what it is. | INFO",
        // the approval belongs to the alternative "other than" names, not to what is forbidden
        "Should not communicate with pupils, in relation to either school or non-school business, via web 2 technologies, other than through the appropriate school learning platforms or other school systems approved by the Headteacher. | NO",
        "Parents are not expected to post pictures of pupils other than their own children on social networking sites unless prior permission has been sought from parents of all other pupils in the photograph/video. | CONDITIONAL"
      })
  void should_read_the_verdict_a_yes_no_question_gets_from_a_policy_sentence(String sentence, Verdict expected) {
    assertThat(VerdictReader.read("can I do it?", policy(sentence))).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "what guidance am i supposed to follow for teaching remote lessons | true",
        "so what am i meant to use then? | true",
        "i dropped the class ipad and cracked the screen, who do i tell | true",
        "who do i ask? | true",
        "ok and who do i ask? | true",
        "right, so what am i meant to use then? | true",
        "what apps can i install on the class ipad? | false",
        "what if the head says its fine? | false",
        "what about on a school trip | false",
        "ok what about one thats just for fun for wet play? | false",
        // typed without the apostrophe
        "whats the number for the helpdesk | true",
        "am i allowed to go on facebook in school | false",
        "is it ok to use my hotmail for school stuff | false",
        "a parent never sent back the photo form, can i still take pics of their kid? | false",
        "Someone has posted an abusive comment on the school's Facebook page. What should I do? | true",
        "a parent has messaged me on facebook about her son, what should i do | true",
        "my laptop got a virus and it's locked me out, what do we do now? | true",
        "IT want my password, should I give it them or what? | false",
        "not sure if what I want to use the school internet for is allowed - who should I check with? | true",
        "I know who to ask. Can I use my phone in class? | false",
        "my mum is in hospital - can i keep my phone on? | false",
        "the head said no. what if the parents say yes? | false",
        "I've read the policy. What apps can I install? | false",
        "do they need anything else from me? | true",
        "can any parent just post stuff on the school twitter page or how does that work | true",
        "do i just mention it to the head or is there more to it | true",
        "a dodgy site came up and I closed it straight away. do I need to do anything else? | true",
        "taking the work laptop home tonight - anything I need to do first? | true",
        "is it ok to take the laptop home or is there anything I need to do? | false",
        "I'd like to look at the data at home on my own laptop. Is that acceptable and is there anything I need to do? | false",
        "Is it ok to save reports onto my own USB stick? It's not encrypted or anything | false",
        "can I put a maths game on the class laptops? who do i need to ask | false",
        "I'd like to put a phonics game on the class PC. who do I need to ask? | true",
        // a question after a comma, and a place or time though it says "allowed to"
        "want to install a free phonics game on the classroom computer, who do I need to ask? | true",
        "a visitor wants to use their phone while waiting, where are they allowed to use it? | true",
        "where are visitors allowed to use their phones? | true",
        "parents keep asking if they're allowed to film the nativity this year, what do I tell them? | false",
        "one of the dads asked if he can video the nativity, what do i tell him | false",
        "new governor, just signed the acceptable use thing. if im unsure about something in it who should i talk to? | true",
        // who to ask, put as whether there is someone
        "new TA, bit confused by some of the ict rules - is there a particular person I should go to with questions about it? | true",
        "what apps am I allowed to install? | false",
        "how long can i keep scholarpack data on my laptop before i need to delete it? | true",
        // whether it is allowed, asked inside a question for a person
        "Whose job is it to check if I'm allowed to use pics I find online in my slides? | true",
        "who decides whether we are allowed to post photos? | true",
        "who do I ask, and am I allowed to post photos? | false"
      })
  void should_tell_information_questions_from_permission_questions(String question, boolean info) {
    assertThat(VerdictReader.isInformationQuestion(question)).isEqualTo(info);
  }

  @Test
  void should_give_info_for_any_sentence_when_the_question_asks_who() {
    String sentence = policy("Staff must not post pictures of school events without the Headteacher's consent.");
    assertThat(VerdictReader.read("who do i ask before posting pictures of school events?", sentence)).isEqualTo(Verdict.INFO);
  }

  @Test
  void should_see_that_a_however_sentence_relaxes_the_prohibition_before_it() {
    String rule = policy("Staff are asked not to make personal calls during their working hours.");
    String next = policy("However in urgent cases a call may be made or accepted if deemed necessary and by arrangement with the Headteacher");

    assertThat(VerdictReader.read("can i take a call at work?", rule)).isEqualTo(Verdict.NO);
    assertThat(VerdictReader.relaxes(next)).isTrue();
    assertThat(VerdictReader.relaxes(policy("Privately owned ICT equipment should not be used on a school network."))).isFalse();
  }

  @Test
  void should_see_when_a_question_asks_about_going_ahead_without_the_condition() {
    assertThat(VerdictReader.skipsTheCondition("can i take snaps of the class for a display without asking the parents")).isTrue();
    assertThat(VerdictReader.skipsTheCondition("can I post pictures of school events without the Headteacher's consent?")).isTrue();
    assertThat(VerdictReader.skipsTheCondition("i've been mates with a mum on facebook since way before her son started here")).isFalse();
    assertThat(VerdictReader.skipsTheCondition("a mum said she didnt tick the box for dojo when her son started")).isTrue();
    assertThat(VerdictReader.skipsTheCondition("she doesn't want her lad on the school facebook or dojo")).isTrue();
    assertThat(VerdictReader.skipsTheCondition("a parent never sent back the photo form")).isFalse();
  }

  @Test
  void should_name_the_alternative_a_prohibition_allows() {
    String sentence = policy("Should not communicate with pupils, in relation to either school or non-school business, via web 2 technologies, other than through the appropriate school learning platforms or other school systems approved by the Headteacher.");
    assertThat(VerdictReader.alternative(sentence)).hasValueSatisfying(a -> assertThat(a).contains("school learning platforms").contains("approved by the headteacher"));
    assertThat(VerdictReader.alternative(policy("Staff must not post pictures of school events without the Headteacher's consent."))).isEmpty();
  }

  @Test
  void should_answer_no_when_a_rule_keeps_use_to_the_schools_own_things_and_the_question_is_about_the_askers_own() {
    String sentence = policy("I will only use the school's email / Internet / Intranet / Google Drive and any related technologies for professional purposes or for uses deemed “reasonable‟ by the Principal or Governing Body.");

    assertThat(VerdictReader.read("is it ok to send school emails from my own yahoo account?", sentence)).isEqualTo(Verdict.NO);
    assertThat(VerdictReader.read("can i use the school's internet to book a trip at lunch?", sentence)).isEqualTo(Verdict.CONDITIONAL);
    assertThat(VerdictReader.read("can i use my school laptop's internet to book a trip at lunch?", sentence)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_read_ensuring_that_something_is_not_done_as_a_no() {
    String atRisk = policy("Care should be taken to ensure that images of children identified as at risk should not be taken or displayed in any format.");
    String secure = policy("All staff, Governors and visitors will ensure that data is kept secure and is used appropriately as authorised by the Head or Governing Body.");
    String disrepute = policy("I will ensure that my online activity, both in school and outside school, will not bring my professional role into disrepute.");

    assertThat(VerdictReader.read("is a child flagged as at risk ok to be in the class photo?", atRisk)).isEqualTo(Verdict.NO);
    assertThat(VerdictReader.read("can i post rude stuff about the school on my own twitter?", disrepute)).isEqualTo(Verdict.NO);
    // ensuring something is done is still a condition
    assertThat(VerdictReader.read("can I take pupil data home?", secure)).isEqualTo(Verdict.CONDITIONAL);
  }

  @Test
  void should_answer_no_when_the_question_lacks_what_the_rule_requires() {
    String sticks = policy("No passwords should be divulged and memory sticks should also be encrypted.");
    String backups = policy("If staff use their own portable devices to back up their school computers, they must ensure that it is at least password protected and encrypted wherever possible to protect the integrity of the data.");

    assertThat(VerdictReader.lacksWhatIsRequired("can I take reports home on a memory stick that isn't encrypted?", sticks)).isTrue();
    assertThat(VerdictReader.lacksWhatIsRequired("can I take reports home on an unencrypted memory stick?", sticks)).isTrue();
    assertThat(VerdictReader.lacksWhatIsRequired("can I take reports home on a memory stick?", sticks)).isFalse();
    // chat drops the apostrophe; the negation still counts
    assertThat(VerdictReader.lacksWhatIsRequired("my memory stick isnt encrypted, can i take reports home on it", sticks)).isTrue();
    assertThat(VerdictReader.lacksWhatIsRequired("my memory stick is encrypted, can i take reports home on it", sticks)).isFalse();
    assertThat(VerdictReader.read("can i back up my laptop onto my own stick if it is not password protected?", backups)).isEqualTo(Verdict.NO);
    assertThat(VerdictReader.read("can i back up my laptop onto my own stick?", backups)).isEqualTo(Verdict.CONDITIONAL);
    // "must not post" requires nothing: not posting is what the rule wants
    String noPosting = policy("Staff must not post pictures of school events without the Headteacher's consent.");
    assertThat(VerdictReader.lacksWhatIsRequired("is it ok if I do not post pictures of school events?", noPosting)).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "the parents refused consent, can i still put their daughter's photo on the website? | true",
        "mum said no on the consent form, can her son be on the class story? | true",
        "the parents haven't given permission, can I send the photos home? | true",
        "dad withdrew his consent last term, can we still use the video? | true",
        "a parent never sent back the photo form, can i still take pics of their kid? | false",
        "the parents signed the consent form, can I put the photo on the website? | false",
        "one of my class has a no-photos form, can she be at the back of the group pic? | true",
        "his mum doesnt want his picture on facebook, can I crop him out of the team photo? | true",
        "I don't want to get it wrong, can I put the class photo on the website? | false",
        "a mum ticked no on the photo consent form, can we still put her in the class story? | true"
      })
  void should_see_when_a_question_says_the_condition_was_refused(String question, boolean refused) {
    assertThat(VerdictReader.skipsTheCondition(question)).isEqualTo(refused);
  }

  @Test
  void should_see_a_sentence_that_points_back_at_the_one_before() {
    assertThat(VerdictReader.continues(policy("These IPads must NEVER be used for personal use."))).isTrue();
    assertThat(VerdictReader.continues(policy("This includes all school owned devices."))).isTrue();
    assertThat(VerdictReader.continues(policy("Personal devices must only be used in the context of school business with the explicit permission of the Head."))).isFalse();
  }

  @Test
  void should_tell_a_sentence_that_only_makes_staff_aware_from_a_rule() {
    assertThat(VerdictReader.warns(policy("All staff will be aware that your reputation could be harmed by what others share about you online, such as friends tagging you in inappropriate posts, photographs, or videos."))).isTrue();
    assertThat(VerdictReader.warns(policy("All staff, Governors and visitors understand that it is a disciplinary offence to use the school ICT equipment for any purpose not permitted by its owner."))).isFalse();
    assertThat(VerdictReader.warns(policy("Staff must not post pictures of school events without the Headteacher's consent."))).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a friend tagged me in photos from a party, is that a problem for my job? | false",
        "will my browsing be logged? | false",
        "can i email pupils from my personal gmail? | true",
        "should i give it them? | true",
        "is that ok? | true",
        "do i need to ask anyone? | true"
      })
  void should_tell_questions_about_what_is_allowed_from_questions_about_how_things_stand(String question, boolean allowed) {
    assertThat(VerdictReader.asksWhatIsAllowed(question)).isEqualTo(allowed);
  }

  @Test
  void should_split_a_sentence_into_the_rules_it_joins() {
    assertThat(VerdictReader.conjuncts(policy("No passwords should be divulged and memory sticks should also be encrypted.")))
        .containsExactly("No passwords should be divulged", "memory sticks should also be encrypted.");
    assertThat(VerdictReader.conjuncts(policy("Pupils are not allowed to use their phones in school and must leave them in the office.")))
        .containsExactly("Pupils are not allowed to use their phones in school", "must leave them in the office.");
    // one rule: "Governors and visitors will" has no modal before it
    String one = policy("All staff, Governors and visitors will ensure that data is kept secure and is used appropriately as authorised by the Head or Governing Body.");
    assertThat(VerdictReader.conjuncts(one)).containsExactly(one);
  }

  @Test
  void should_find_the_circumstance_a_prohibition_is_lifted_in_but_not_a_permission() {
    assertThat(VerdictReader.circumstance("The schools digital cameras must not leave the school setting (unless on an educational visit)"))
        .hasValueSatisfying(c -> assertThat(c).contains("educational visit"));
    assertThat(VerdictReader.circumstance(
            "Staff are not permitted to use their own mobile phones to take images unless prior permission has been granted for specific purposes."))
        .isEmpty();
    assertThat(VerdictReader.circumstance("Pupils must not use their iPad in School corridors (unless with the Teacher's permission)")).isEmpty();
    assertThat(VerdictReader.circumstance("Staff may use the school camera on trips.")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "does anyone actually check what sites we go on on the staff laptops? | I understand that all my use of the Internet can be monitored and logged. | true",
        "can the school see my emails? | Staff need to be aware that email use can be monitored. | true",
        "does anyone actually check what sites we go on? | Your reputation could be harmed by what others share about you online. | false",
        "can I check my personal emails at lunch? | Staff need to be aware that email use can be monitored. | false",
        "could that parent actually end up seeing it? | School data, including emails, is open to Subject Access Requests. | true",
        "could that parent ever actually get to see it? | School data, including emails, is open to Subject Access Requests. | true",
        "could that parent actually end up seeing it? | All emails should be kept professional. | false"
      })
  void should_answer_whether_staff_are_watched_only_from_a_sentence_saying_they_are(String question, String sentence, boolean yes) {
    assertThat(VerdictReader.answersIfWatched(question, sentence)).isEqualTo(yes);
  }

  @Test
  void should_see_a_yes_no_question_ending_a_message_that_opens_otherwise() {
    assertThat(VerdictReader.endsInYesNoQuestion("what about the kids - can they keep theirs in their bags?")).isTrue();
    assertThat(VerdictReader.endsInYesNoQuestion("what about on a trip?")).isFalse();
    assertThat(VerdictReader.endsInYesNoQuestion("can I use my phone on a trip?")).isFalse();
  }

  @Test
  void should_see_whether_a_question_denies_what_an_if_supposes() {
    String supposed = " a parent/guardian does not return a non-consent form then permission will be assumed";

    assertThat(VerdictReader.sameDenial("a parent never sent back the photo form, can I still take pics?", supposed)).isTrue();
    assertThat(VerdictReader.sameDenial("a mum sent back the non-consent form, do we take the photos down?", supposed)).isFalse();
  }

  @Test
  void should_tell_when_the_question_is_outside_the_case_a_rule_is_put_in() {
    String pastoral = "If staff feel it necessary to use personal telephones for urgent pastoral contacts, they should ensure that they use appropriate procedures to withhold the personal number.";

    assertThat(VerdictReader.deniesTheCase("and if it's not urgent, just a general catch up?", pastoral)).isTrue();
    assertThat(VerdictReader.deniesTheCase("its urgent, can i ring from my mobile?", pastoral)).isFalse();
    // "not" before a word the rule does not put its case in
    assertThat(VerdictReader.deniesTheCase("the office phone is not working, can I use mine?", pastoral)).isFalse();
    assertThat(VerdictReader.deniesTheCase("it's not urgent", "However in urgent cases a call may be made or accepted if deemed necessary")).isTrue();
  }

  @Test
  void should_read_a_permission_held_to_a_limit_after_it_as_conditional() {
    String filming = "Filming and photography by parents and the wider community at school events, such as sports days and school productions, "
        + "are allowed, but at the start of such events parents are reminded to only film their child and upload images of their child only to social media accounts.";

    assertThat(VerdictReader.read("and can they stick the videos on facebook after?", filming)).isEqualTo(Verdict.CONDITIONAL);
    assertThat(VerdictReader.read("can parents film sports day?", "Filming and photography by parents at school events are allowed.")).isEqualTo(Verdict.YES);
  }

  @Test
  void should_see_that_a_rule_against_personal_use_does_not_reach_school_work() {
    String ipads = "These IPads must NEVER be used for personal use.";

    assertThat(VerdictReader.forbidsPersonalUseOfWork("can i take the class ipad home over the weekend so i can finish the learning journals?", ipads)).isTrue();
    assertThat(VerdictReader.forbidsPersonalUseOfWork("can i watch netflix on the class ipad at lunch?", ipads)).isFalse();
    assertThat(VerdictReader.forbidsPersonalUseOfWork("can i use my school email to sort out my car insurance", "staff are not permitted to use school email addresses for personal business.")).isFalse();
  }

  @Test
  void should_read_what_staff_are_expected_to_do_as_required() {
    assertThat(VerdictReader.requiredSpans("All staff are expected to sign this document and adhere at all times to its contents."))
        .anySatisfy(span -> assertThat(span).startsWith(" sign"));
    assertThat(VerdictReader.requiredSpans("Parents are not expected to post pictures of pupils other than their own children")).isEmpty();
    assertThat(VerdictReader.requiredSpans("Please write what has happened and what you have done about it for the office."))
        .anySatisfy(span -> assertThat(span).startsWith(" write"));
  }

  @Test
  void should_see_when_the_question_meets_the_professional_purpose_a_rule_allows() {
    String drive = "I will only use the school's email / Internet / Intranet / Google Drive and any related technologies for professional purposes "
        + "or for uses deemed reasonable by the Principal or Governing Body.";

    assertThat(VerdictReader.meetsTheWorkPurpose("can we make a shared folder in the school google drive for all our lesson plans?", drive)).isTrue();
    assertThat(VerdictReader.meetsTheWorkPurpose("can I use google drive to store my holiday photos?", drive)).isFalse();
    // consent is wanted as well as the purpose
    assertThat(VerdictReader.meetsTheWorkPurpose("can I take photos for my planning?",
        "Images of pupils will only be taken, stored and used for professional purposes in line with school policy and with written consent of the parent")).isFalse();
  }
}
