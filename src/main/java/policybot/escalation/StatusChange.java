package policybot.escalation;

/** What an attempt to change a case's status did. */
public sealed interface StatusChange
    permits StatusChange.Changed, StatusChange.NotAllowed, StatusChange.NotFound {

  /** Committed, with an audit entry. */
  record Changed(Case updated, CaseStatus from) implements StatusChange {}

  /** The case's current status does not lead to the requested one; nothing changed. */
  record NotAllowed(Case current, CaseStatus requested) implements StatusChange {}

  /**
   * No such case, or not one this person may see: the two read the same, so a safeguarding case's
   * existence is not given away.
   */
  record NotFound(String caseId) implements StatusChange {}
}
