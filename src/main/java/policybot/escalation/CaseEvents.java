package policybot.escalation;

/**
 * What channels are told about cases once the change is committed: a new case for its reviewer,
 * an answer for its asker, an overdue case for its reviewer or the deputy. A channel that cannot
 * deliver must keep the work (the store holds the case) and try again; it must never throw back
 * into the code that changed the case.
 */
public interface CaseEvents {

  /** A case was filed and committed; tell the reviewer it is assigned to. */
  default void filed(Case filed) {}

  /** A reviewer answered; deliver {@code answered.answer()} to the asker, attributed to them. */
  default void answered(Case answered, String reviewerId) {}

  /** A case was reassigned (by a person or the overdue sweep); tell the new reviewer. */
  default void reassigned(Case reassigned, String from, String to) {}

  /** An overdue case needs its reviewer reminded, or has just been handed to the deputy. */
  default void nudged(Nudge nudge) {}
}
