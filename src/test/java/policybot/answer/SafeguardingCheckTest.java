package policybot.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeguardingCheckTest {
  /** Listed concerns the word lists alone miss: 14 of sessions 13 and 14's 240, which ConcernNeighbours finds. */
  private static final int LISTS_MISS_AT_MOST = 14;

  private static List<String> lines(String name) throws IOException {
    return Files.readAllLines(Path.of("src/test/resources/safeguarding", name), StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#"))
        .toList();
  }

  @Test
  void should_route_concerns_worded_in_many_ways_to_the_dsl() throws IOException {
    List<String> concerns = lines("concerns.txt");

    List<String> missed = concerns.stream().filter(q -> !SafeguardingCheck.isConcern(q)).toList();

    assertThat(concerns).hasSizeGreaterThan(400);
    // the rest are found only by their nearest examples (ConcernNeighboursTest)
    assertThat(missed).hasSizeLessThanOrEqualTo(LISTS_MISS_AT_MOST);
  }

  @Test
  void should_answer_usage_questions_and_everyday_news_about_children_from_the_policies() throws IOException {
    List<String> questions = lines("not-concerns.txt");

    assertThat(questions).hasSizeGreaterThan(60);
    assertThat(questions).allSatisfy(q -> assertThat(SafeguardingCheck.isConcern(q)).as(q).isFalse());
  }

  @Test
  void should_treat_a_sign_of_harm_in_a_question_about_what_is_allowed_as_a_question() {
    assertThat(SafeguardingCheck.isConcern("can i use my phone to call a parent if a child is hurt on a trip")).isFalse();
    assertThat(SafeguardingCheck.isConcern("a boy told me his dad hits him, can i call his mum?")).isTrue();
    // a year group asked about as a whole is pupils in general
    assertThat(SafeguardingCheck.isConcern("are Y6s allowed to bring phones in if they walk home on their own?")).isFalse();
    assertThat(SafeguardingCheck.isConcern("a Y6 girl walks home on her own every night and says nobody is in")).isTrue();
  }

  @Test
  void should_treat_unsuitable_content_on_a_screen_as_an_incident_to_report_not_a_concern_about_a_child() {
    assertThat(SafeguardingCheck.isConcern(
            "weird pop up came up on the IWB during phonics with some pretty inappropriate stuff on it, a few kids saw it. who do I tell?"))
        .isFalse();
    assertThat(SafeguardingCheck.isConcern("clicked a link on a review of a kids game and it redirected to a porn site?! what do I do now")).isFalse();
    // another sign of harm, or a child showing what someone sent, is still a concern
    assertThat(SafeguardingCheck.isConcern("a pop up came up on her phone from an older boy asking her to send nudes")).isTrue();
    assertThat(SafeguardingCheck.isConcern("a year 5 boy showed me porn his uncle makes him watch")).isTrue();
  }

  @Test
  void should_route_a_child_named_only_by_pronoun_or_first_name_when_a_sign_of_harm_is_told() {
    assertThat(SafeguardingCheck.isConcern("she told me her dad hits her with a belt when she's naughty")).isTrue();
    assertThat(SafeguardingCheck.isConcern("Priya's mum shouted at her that she wished she'd never had her")).isTrue();
    assertThat(SafeguardingCheck.isConcern("she forgot her password again, can she just log in as me?")).isFalse();
    assertThat(SafeguardingCheck.isConcern("Jane's laptop has a virus, who do I tell?")).isFalse();
  }

  @Test
  void should_route_several_signs_that_name_no_one_but_not_a_single_broad_word() {
    assertThat(SafeguardingCheck.isConcern("No coat again, same uniform all week, starving at breakfast club. Worried.")).isTrue();
    assertThat(SafeguardingCheck.isConcern("Dirty screens everywhere. Who cleans the ipads?")).isFalse();
  }

  @Test
  void should_read_an_injury_at_a_sports_match_as_an_accident_unless_another_sign_comes_with_it() {
    assertThat(SafeguardingCheck.isConcern("mum mentioned he hurt his shin at his football match on saturday, do I need to tell anyone?")).isFalse();
    assertThat(SafeguardingCheck.isConcern("he told me he hurt his arm at football but the bruises look like finger marks")).isTrue();
  }

  @Test
  void should_see_an_adult_pointing_a_phone_at_children_where_they_change() {
    assertThat(SafeguardingCheck.isConcern("saw one of the male helpers in the boys changing room with his phone out pointed at the kids while they were getting changed, "
        + "when he noticed me he put it away really quick. didnt know who to tell")).isTrue();
    assertThat(SafeguardingCheck.isConcern("can i use my phone to time the kids in the swimming gala?")).isFalse();
  }
}
