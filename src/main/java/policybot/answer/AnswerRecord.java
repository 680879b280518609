package policybot.answer;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The answer as one flat JSON record: what {@code batch} writes per line and {@code POST /api/ask}
 * returns. Outside evaluations read these field names, so they do not change; reviewers' rulings
 * come after them in a separate {@code rulings} array (always empty from {@code batch}, which has
 * no database).
 */
@JsonPropertyOrder({"id", "school", "verdict", "escalate", "reason", "clauses", "answer", "latency_ms", "outcome", "warnings", "rulings"})
public record AnswerRecord(
    String id,
    String school,
    String verdict,
    boolean escalate,
    String reason,
    List<ClauseRecord> clauses,
    String answer,
    @JsonProperty("latency_ms") long latencyMs,
    String outcome,
    List<String> warnings,
    List<RulingRecord> rulings) {

  public AnswerRecord {
    rulings = rulings == null ? List.of() : List.copyOf(rulings);
  }

  /** One cited clause: its verbatim text and where it lives. */
  @JsonPropertyOrder({"text", "school", "policy", "title", "section", "link", "score", "highlight"})
  public record ClauseRecord(
      String text, String school, String policy, String title, String section, String link, double score, String highlight) {}

  /**
   * One cited ruling: the reviewer's answer verbatim, the question it answered, who made it (a
   * name, or a user id when no name is known) and the ISO date it was made or last confirmed.
   */
  @JsonPropertyOrder({"text", "question", "reviewer", "date"})
  public record RulingRecord(String text, String question, String reviewer, String date) {
    static RulingRecord of(RulingCitation r) {
      return new RulingRecord(r.text(), r.question(), r.reviewer(), r.decidedOn().toString());
    }
  }

  public static AnswerRecord of(String id, Answer answer, long latencyMs) {
    List<ClauseRecord> clauses =
        answer.citations().stream()
            .map(
                c ->
                    new ClauseRecord(
                        c.text(),
                        c.clause().school(),
                        c.clause().policy(),
                        c.title(),
                        c.section(),
                        c.link(),
                        Math.round(c.score() * 10000) / 10000.0,
                        c.highlight()))
            .toList();
    // Java 17 has no pattern switch; the sealed interface keeps this list complete
    if (answer instanceof Answer.Grounded g) {
      return new AnswerRecord(
          id, g.school(), g.verdict().wire(), false, "", clauses, g.text(), latencyMs, "grounded", g.warnings(),
          g.rulings().stream().map(RulingRecord::of).toList());
    }
    if (answer instanceof Answer.Escalated e) {
      return new AnswerRecord(id, e.school(), "unknown", true, e.reason().explanation(), clauses, e.text(), latencyMs, "escalated", List.of(), List.of());
    }
    if (answer instanceof Answer.Safeguarding s) {
      return new AnswerRecord(
          id, s.school(), "safeguarding", true, "Safeguarding concern: report to " + s.reportTo() + ".", clauses, s.text(), latencyMs, "safeguarding", List.of(), List.of());
    }
    Answer.Refused r = (Answer.Refused) answer;
    return new AnswerRecord(
        id, r.school(), "unknown", false, r.problem().name().toLowerCase(java.util.Locale.ROOT), clauses, r.text(), latencyMs, "refused", List.of(), List.of());
  }
}
