package policybot.escalation;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import policybot.answer.EscalationReason;

/**
 * A question sent to a person: what was asked, by whom, what the bot found, and where it stands.
 *
 * @param id the case id
 * @param school school slug
 * @param kind a policy question or a safeguarding concern
 * @param question the question as asked
 * @param reason why it escalated; empty for safeguarding, which is never an engine shortfall
 * @param origin how it became a case
 * @param asker who asked and where the reply goes
 * @param clauses the bot's nearest clauses, best first
 * @param status where it stands
 * @param reviewer user id of the reviewer it is assigned to
 * @param answer the reviewer's answer, once given
 * @param createdAt when it was filed
 * @param updatedAt when it last changed
 * @param remindedAt when its reviewer was reminded that it is overdue
 * @param handedOverAt when it was handed to the deputy for being overdue
 * @param purgedAt when the question and asker were blanked under the retention policy
 */
public record Case(
    String id,
    String school,
    CaseKind kind,
    String question,
    Optional<EscalationReason> reason,
    Origin origin,
    Asker asker,
    List<CaseClause> clauses,
    CaseStatus status,
    String reviewer,
    Optional<String> answer,
    Instant createdAt,
    Instant updatedAt,
    Optional<Instant> remindedAt,
    Optional<Instant> handedOverAt,
    Optional<Instant> purgedAt) {

  public Case {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(school, "school");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(asker, "asker");
    clauses = List.copyOf(clauses);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(remindedAt, "remindedAt");
    Objects.requireNonNull(handedOverAt, "handedOverAt");
    Objects.requireNonNull(purgedAt, "purgedAt");
  }

  public boolean isSafeguarding() {
    return kind == CaseKind.SAFEGUARDING;
  }
}
