package policybot.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import policybot.answer.EscalationReason;

class DraftTest {

  @Test
  void should_quote_the_best_clauses_first_sentence_with_its_policy_and_section() {
    CaseClause best =
        new CaseClause(
            "mobile-phones", "c1", "Mobile Phone Policy", "Use of Mobile Phones",
            "http://x/c1",
            "Staff must not use personal mobile phones where children are present. They may use them in the staff room.");
    CaseClause second = new CaseClause("trips", "c2", "Trips Policy", "", "http://x/c2", "Trips need consent.");

    String draft = Draft.from(caseWith(List.of(best, second)));

    assertThat(draft)
        .contains("\"Staff must not use personal mobile phones where children are present.\"")
        .contains("Mobile Phone Policy, Use of Mobile Phones")
        .doesNotContain("staff room")
        .doesNotContain("Trips");
  }

  @Test
  void should_give_a_neutral_prompt_when_the_bot_found_no_clauses() {
    assertThat(Draft.from(caseWith(List.of()))).isEqualTo(Draft.NO_CLAUSES);
  }

  @Test
  void should_cut_a_very_long_first_sentence_at_a_word() {
    String longSentence = "word ".repeat(200).strip() + ".";

    String quoted = Draft.firstSentence(longSentence);

    assertThat(quoted).hasSizeLessThanOrEqualTo(Draft.MAX_QUOTE_CHARS + 1).endsWith("word…");
  }

  private static Case caseWith(List<CaseClause> clauses) {
    Instant t = Instant.parse("2026-03-02T09:00:00Z");
    return new Case(
        "case-1", Fixtures.SCHOOL, CaseKind.QUESTION, "Can I use my phone?",
        Optional.of(EscalationReason.LOW_CONFIDENCE), Origin.ENGINE, Fixtures.teacher(), clauses,
        CaseStatus.OPEN, Fixtures.HEAD, Optional.empty(), t, t, Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
