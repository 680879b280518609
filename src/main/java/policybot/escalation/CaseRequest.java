package policybot.escalation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import policybot.answer.Answer;
import policybot.answer.EscalationReason;

/**
 * A request to file a case, as a Slack, web or API caller builds it.
 *
 * @param idempotencyKey the caller's id for this request (Slack action id, web request id): a
 *     retry with the same key returns the case already filed instead of filing a second one
 * @param school school slug
 * @param kind a policy question or a safeguarding concern
 * @param question the question as asked
 * @param reason why it escalates; required for a question, absent for safeguarding
 * @param origin how it became a case
 * @param asker who asked and where the reply goes
 * @param clauses the bot's nearest clauses, best first (may be empty)
 */
public record CaseRequest(
    String idempotencyKey,
    String school,
    CaseKind kind,
    String question,
    Optional<EscalationReason> reason,
    Origin origin,
    Asker asker,
    List<CaseClause> clauses) {

  /** Longest idempotency key kept; platform ids are far shorter, so longer means a caller bug. */
  public static final int MAX_KEY_LENGTH = 200;

  public CaseRequest {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "idempotencyKey must be 1 to " + MAX_KEY_LENGTH + " characters");
    }
    if (school == null || school.isBlank()) {
      throw new IllegalArgumentException("school must not be blank");
    }
    Objects.requireNonNull(kind, "kind");
    if (question == null || question.isBlank()) {
      throw new IllegalArgumentException("question must not be blank");
    }
    Objects.requireNonNull(reason, "reason");
    if (kind == CaseKind.QUESTION && reason.isEmpty()) {
      throw new IllegalArgumentException("a question case says why it escalated");
    }
    if (kind == CaseKind.SAFEGUARDING && reason.isPresent()) {
      throw new IllegalArgumentException("a safeguarding case has no escalation reason");
    }
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(asker, "asker");
    clauses = List.copyOf(clauses);
  }

  /**
   * The case for an answer the bot gave: an escalation files as the engine decided, a safeguarding
   * referral goes to the DSL, and a grounded answer the person still wants the head's view on
   * files as {@link EscalationReason#ASKED_FOR_HEAD}. A refusal has nothing to file.
   */
  public static CaseRequest of(Answer answer, Asker asker, Origin origin, String idempotencyKey) {
    List<CaseClause> clauses = answer.citations().stream().map(CaseClause::of).toList();
    if (answer instanceof Answer.Escalated e) {
      return new CaseRequest(
          idempotencyKey, e.school(), CaseKind.QUESTION, e.question(), Optional.of(e.reason()), origin, asker, clauses);
    }
    if (answer instanceof Answer.Safeguarding s) {
      return new CaseRequest(
          idempotencyKey, s.school(), CaseKind.SAFEGUARDING, s.question(), Optional.empty(), origin, asker, clauses);
    }
    if (answer instanceof Answer.Grounded g) {
      return askHead(idempotencyKey, g.school(), g.question(), asker, origin, clauses);
    }
    throw new IllegalArgumentException("a refused question cannot be sent to the head: " + answer.text());
  }

  /** A person asking for the head's view directly ({@code /policy ask-head}, a button, the API). */
  public static CaseRequest askHead(
      String idempotencyKey,
      String school,
      String question,
      Asker asker,
      Origin origin,
      List<CaseClause> clauses) {
    return new CaseRequest(
        idempotencyKey,
        school,
        CaseKind.QUESTION,
        question,
        Optional.of(EscalationReason.ASKED_FOR_HEAD),
        origin,
        asker,
        clauses);
  }
}
