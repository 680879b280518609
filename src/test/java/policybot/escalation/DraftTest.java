package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DraftTest {

  private static final CaseClause PHONES =
      new CaseClause(
          "mobile-phones",
          "c-12",
          "Mobile Phone Policy",
          "Staff use > Trips",
          "http://policies.test/policies/glais/mobile-phones#c-12",
          "Staff may carry a mobile phone on educational visits for emergencies.");

  private static final CaseClause OTHER =
      new CaseClause("dress-code", "c-3", "Dress Code", "", "http://policies.test/x#c-3", "Jeans are not worn.");

  @Test
  void should_quote_the_best_clause_and_cite_its_policy_section_and_link() {
    String draft = Draft.of(List.of(PHONES, OTHER));

    assertThat(draft)
        .startsWith("Our Mobile Phone Policy (Staff use > Trips) says: \"Staff may carry a mobile phone on educational visits for emergencies.\"")
        .contains("http://policies.test/policies/glais/mobile-phones#c-12")
        .endsWith(Draft.DECISION_PROMPT)
        .doesNotContain("Jeans");
  }

  @Test
  void should_say_the_policies_do_not_cover_it_when_there_is_no_clause() {
    assertThat(Draft.of(List.of())).isEqualTo(Draft.NO_CLAUSE);
  }

  @Test
  void should_cut_a_long_clause_at_a_sentence_end_within_the_limit() {
    String first = "Staff must not use personal phones to photograph pupils at any time during the school day or on visits. ";
    String clause = first + first.repeat(5);

    String quote = Draft.quote(clause);

    assertThat(quote.length()).isLessThanOrEqualTo(Draft.MAX_QUOTE_CHARS);
    assertThat(quote).endsWith("visits.");
  }

  @Test
  void should_cut_an_unbroken_long_clause_at_a_word_and_mark_the_cut() {
    String clause = "word ".repeat(200);

    String quote = Draft.quote(clause);

    assertThat(quote).endsWith(" …");
    assertThat(quote.length()).isLessThanOrEqualTo(Draft.MAX_QUOTE_CHARS + 2);
  }
}
