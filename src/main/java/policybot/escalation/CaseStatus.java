package policybot.escalation;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands, and which statuses it may move to next. */
public enum CaseStatus {
  /** Waiting for a reviewer. */
  OPEN,
  /** A reviewer answered; the answer went back to the asker. */
  ANSWERED,
  /** Finished with: nothing more will happen. */
  CLOSED,
  /** Not a real question (a test, a duplicate, abuse); may be reopened if that was wrong. */
  DISMISSED;

  /** The statuses this one may move to. */
  public Set<CaseStatus> next() {
    return switch (this) {
      case OPEN -> EnumSet.of(ANSWERED, CLOSED, DISMISSED);
      // reopened when the answer did not settle it
      case ANSWERED -> EnumSet.of(OPEN, CLOSED);
      case DISMISSED -> EnumSet.of(OPEN);
      case CLOSED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  public boolean canMoveTo(CaseStatus to) {
    return next().contains(to);
  }

  /** Whether a reviewer still owes an answer. */
  public boolean awaitsReviewer() {
    return this == OPEN;
  }
}
