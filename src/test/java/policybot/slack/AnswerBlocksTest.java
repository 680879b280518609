package policybot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import policybot.answer.EscalationReason;
import policybot.answer.Verdict;
import policybot.chat.ChatService.Outcome;

class AnswerBlocksTest {
  static final String LINK = "https://policies.test/policies/glais/phones#c7";

  @Test
  void should_quote_a_short_clause_whole_with_the_key_sentence_in_bold_and_its_link() {
    String clause = "Phones stay in lockers. Staff must not use phones in class. Ask the head.";
    SlackAnswer.Quote q = quote(clause, "Staff must not use phones in class.");

    String md = AnswerBlocks.quote(q);

    assertThat(md).isEqualTo("> Phones stay in lockers. *Staff must not use phones in class.* Ask the head.\n<" + LINK + "|Phones Policy › Staff › Devices>");
  }

  @Test
  void should_bold_each_line_of_a_key_sentence_that_spans_lines() {
    SlackAnswer.Quote q = quote("Intro line.\nKey part one\ncontinues here.\nEnd.", "Key part one\ncontinues here.");

    assertThat(AnswerBlocks.quote(q)).startsWith("> Intro line.\n> *Key part one*\n> *continues here.*\n> End.");
  }

  @Test
  void should_cut_a_long_clause_at_a_sentence_and_link_to_the_full_text() {
    String clause = sentences(0, 200);
    SlackAnswer.Quote q = quote(clause, "Sentence 3 says rule number 3 applies.");

    String md = AnswerBlocks.quote(q);

    assertThat(md.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT);
    assertThat(md).contains("*Sentence 3 says rule number 3 applies.*");
    assertThat(md).containsPattern("applies\\. … <" + LINK + "\\|see full clause>\n<" + LINK + "\\|");
  }

  @Test
  void should_start_the_quote_at_the_key_sentence_when_it_lies_past_the_cut() {
    String clause = sentences(0, 200);
    SlackAnswer.Quote q = quote(clause, "Sentence 180 says rule number 180 applies.");

    String md = AnswerBlocks.quote(q);

    assertThat(md.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT);
    assertThat(md).startsWith("> … *Sentence 180 says rule number 180 applies.*").contains("see full clause");
  }

  @Test
  void should_stay_within_the_section_limit_when_escaping_makes_text_longer() {
    String clause = "A & B < C > D. ".repeat(400).strip();
    SlackAnswer.Quote q = quote(clause, "A & B < C > D.");

    String md = AnswerBlocks.quote(q);

    assertThat(md.length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT);
    assertThat(md).doesNotContain("< C").contains("&lt; C &gt;");
  }

  @Test
  void should_put_the_verdict_first_then_clauses_warnings_and_buttons() {
    SlackAnswer a = grounded(List.of(quote("Never. Phones are banned.", "Phones are banned.")), List.of("Review due 1 May 2020 <!here>"));

    JsonNode blocks = json(AnswerBlocks.render(a, AnswerBlocks.Delivery.CONVERSATION, null));

    assertThat(blocks.get(0).at("/text/text").asText()).startsWith(":no_entry: *No*\nNo &lt;@U1&gt;");
    assertThat(blocks.get(1).at("/text/text").asText()).startsWith("> Never. *Phones are banned.*");
    assertThat(blocks.get(2).at("/elements/0/text").asText()).isEqualTo(":warning: Review due 1 May 2020 &lt;!here&gt;");
    assertThat(blocks.get(3).findValuesAsText("action_id")).containsExactly("policy_helpful", "policy_not_helpful", "policy_ask_head");
    assertThat(blocks.get(3).findValuesAsText("value")).containsOnly("a1");
  }

  @Test
  void should_offer_share_only_on_a_private_answer_that_may_be_shared() {
    SlackAnswer grounded = grounded(List.of(quote("Phones are banned.", "Phones are banned.")), List.of());
    SlackAnswer safeguarding = new SlackAnswer("s1", "glais", Outcome.SAFEGUARDING, null, "Report it now.", "", List.of(), List.of(), "Mr DSL", null, List.of());

    assertThat(actions(AnswerBlocks.render(grounded, AnswerBlocks.Delivery.PRIVATE, null))).contains("policy_share");
    assertThat(actions(AnswerBlocks.render(grounded, AnswerBlocks.Delivery.SHARED, "U1"))).doesNotContain("policy_share");
    assertThat(actions(AnswerBlocks.render(safeguarding, AnswerBlocks.Delivery.PRIVATE, null)))
        .doesNotContain("policy_share", "policy_ask_head").contains("policy_helpful");
  }

  @Test
  void should_give_an_escalation_its_own_layout_led_by_ask_the_head() {
    SlackAnswer a = new SlackAnswer("e1", "glais", Outcome.ESCALATED, null, "I'm not sure.", "q", List.of(quote("Near.", "Near.")), List.of(), "", EscalationReason.LOW_CONFIDENCE, List.of());

    JsonNode blocks = json(AnswerBlocks.render(a, AnswerBlocks.Delivery.CONVERSATION, null));

    assertThat(blocks.get(0).at("/text/text").asText()).startsWith(":raising_hand: *This needs the head's decision*");
    assertThat(blocks.get(1).at("/elements/0/text").asText()).contains("do not settle it");
    JsonNode buttons = blocks.get(blocks.size() - 1);
    assertThat(buttons.at("/elements/0/action_id").asText()).isEqualTo("policy_ask_head");
    assertThat(buttons.at("/elements/0/style").asText()).isEqualTo("primary");
  }

  @Test
  void should_only_write_a_mention_for_a_real_user_id() {
    SlackAnswer a = grounded(List.of(quote("Phones are banned.", "Phones are banned.")), List.of());

    assertThat(json(AnswerBlocks.render(a, AnswerBlocks.Delivery.SHARED, "U0ABC")).toString()).contains("Shared by <@U0ABC>");
    assertThat(json(AnswerBlocks.render(a, AnswerBlocks.Delivery.SHARED, "<!channel>")).toString()).doesNotContain("Shared by");
  }

  @Test
  void should_keep_within_fifty_blocks_and_keep_the_buttons() {
    List<LayoutBlock> many = new ArrayList<>();
    for (int i = 0; i < 70; i++) {
      many.add(AnswerBlocks.section("s" + i));
    }
    many.add(AnswerBlocks.context(List.of("last")));

    List<LayoutBlock> capped = AnswerBlocks.capped(many);

    assertThat(capped).hasSize(AnswerBlocks.MAX_BLOCKS);
    assertThat(capped.get(capped.size() - 1)).isSameAs(many.get(many.size() - 1));
  }

  @Test
  void should_never_put_the_question_in_the_notification_text_of_a_safeguarding_reply() {
    SlackAnswer a = new SlackAnswer("s1", "glais", Outcome.SAFEGUARDING, null, "Report it now.", "", List.of(), List.of(), "Mr <DSL>", null, List.of());

    assertThat(AnswerBlocks.fallback(a)).isEqualTo("Safeguarding: report this today to Mr &lt;DSL&gt;.");
  }

  @Test
  void should_round_trip_an_answer_through_the_ledgers_json() {
    SlackAnswer a = grounded(List.of(quote("Phones are banned.", "Phones are banned.")), List.of("w"));

    assertThat(SlackAnswer.fromJson(a.toJson())).isEqualTo(a);
  }

  // ------------------------------------------------------------------ helpers

  static SlackAnswer.Quote quote(String clause, String key) {
    int start = clause.indexOf(key);
    return new SlackAnswer.Quote("phones", "c7", "Phones Policy", "Staff > Devices", LINK, clause, start, start + key.length());
  }

  @Test
  void should_show_a_cited_ruling_with_who_made_it_and_when_above_the_clauses() {
    SlackAnswer plain = grounded(List.of(quote("Never. Phones are banned.", "Phones are banned.")), List.of());
    SlackAnswer a =
        new SlackAnswer(
            plain.id(), plain.school(), plain.outcome(), plain.verdict(), plain.text(), plain.question(), plain.quotes(),
            plain.warnings(), "", null,
            List.of(new SlackAnswer.RulingNote("No, not <!channel> even on trips.", "Phones on trips?", "Ruling by Mrs Khan, 13 January 2026")));

    JsonNode blocks = json(AnswerBlocks.render(a, AnswerBlocks.Delivery.CONVERSATION, null));

    assertThat(blocks.get(1).at("/text/text").asText()).isEqualTo("> No, not &lt;!channel&gt; even on trips.");
    assertThat(blocks.get(2).get("type").asText()).isEqualTo("context");
    assertThat(blocks.get(2).at("/elements/0/text").asText())
        .isEqualTo(":scales: Ruling by Mrs Khan, 13 January 2026, on “Phones on trips?”");
    assertThat(blocks.get(3).at("/text/text").asText()).startsWith("> Never. *Phones are banned.*");
    assertThat(SlackAnswer.fromJson(a.toJson())).isEqualTo(a);
    assertThat(json(AnswerBlocks.render(plain, AnswerBlocks.Delivery.CONVERSATION, null)).toString()).doesNotContain("Ruling by");
  }

  static SlackAnswer grounded(List<SlackAnswer.Quote> quotes, List<String> warnings) {
    return new SlackAnswer("a1", "glais", Outcome.GROUNDED, Verdict.NO, "No <@U1>.", "can I?", quotes, warnings, "", null, List.of());
  }

  static String sentences(int from, int to) {
    StringBuilder out = new StringBuilder();
    for (int i = from; i < to; i++) {
      out.append(i == from ? "" : " ").append("Sentence ").append(i).append(" says rule number ").append(i).append(" applies.");
    }
    return out.toString();
  }

  static JsonNode json(List<LayoutBlock> blocks) {
    try {
      return new ObjectMapper().readTree(GsonFactory.createSnakeCase().toJson(blocks));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> actions(List<LayoutBlock> blocks) {
    return json(blocks).findValuesAsText("action_id");
  }
}
