package policybot.escalation;

/** What an overdue case needs: its reviewer reminded, or the case handed to the deputy. */
public sealed interface Nudge permits Nudge.Remind, Nudge.HandOver {

  Case overdue();

  /** Remind the assigned reviewer, once. */
  record Remind(Case overdue, String reviewer) implements Nudge {}

  /** Reassign from the reminded reviewer to the deputy, and tell the deputy. */
  record HandOver(Case overdue, String from, String to) implements Nudge {}
}
