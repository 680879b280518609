package policybot.escalation;

/** Whether a ruling may be given as an answer. */
public enum RulingStatus {
  /** In force: the policies it rests on are as they were. */
  CURRENT,
  /** Taken back by a reviewer. */
  WITHDRAWN,
  /** A policy it rests on changed; a reviewer must look again before it is used. */
  NEEDS_REAPPROVAL
}
