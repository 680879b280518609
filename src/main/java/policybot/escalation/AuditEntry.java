package policybot.escalation;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One change to a case, as the audit log keeps it.
 *
 * @param caseId the case
 * @param at when
 * @param actor user id of who made the change ("policybot" for the bot itself)
 * @param from the status before; empty when the case was filed
 * @param to the status after (the same as {@code from} for a reminder or hand-over)
 * @param note what happened, in words
 */
public record AuditEntry(
    String caseId, Instant at, String actor, Optional<CaseStatus> from, CaseStatus to, String note) {
  public AuditEntry {
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    note = note == null ? "" : note;
  }
}
