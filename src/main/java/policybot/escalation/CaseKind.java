package policybot.escalation;

/** Which route a case takes: the head's review, or the designated safeguarding lead alone. */
public enum CaseKind {
  /** A policy question the policies do not settle; reviewed by the head, then the deputy. */
  QUESTION,
  /** A disclosure or concern about a child; seen and handled only by the DSL. */
  SAFEGUARDING
}
