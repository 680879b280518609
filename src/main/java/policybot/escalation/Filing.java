package policybot.escalation;

/**
 * What filing a case did. Tell the person "sent to the head" for {@link Created} and {@link
 * Repeated} alike: both mean the case is committed.
 */
public sealed interface Filing permits Filing.Created, Filing.Repeated, Filing.NoReviewers {

  /** A new case, committed; notify its reviewer. */
  record Created(Case filed) implements Filing {}

  /** The same request was filed before (a retry); this is that case, and no one is notified again. */
  record Repeated(Case filed) implements Filing {}

  /** The school has no reviewers configured, so nothing was filed. */
  record NoReviewers(String school) implements Filing {}
}
