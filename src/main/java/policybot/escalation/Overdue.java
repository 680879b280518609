package policybot.escalation;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When an open case is overdue and what happens then: after {@code after} of working time its
 * reviewer is reminded once; after as long again it goes to the deputy. Working time counts Monday
 * to Friday in the school's time zone. Safeguarding cases are reminded but never handed on: only
 * the DSL may see them.
 *
 * @param after working time a reviewer has before a reminder, and again before the hand-over
 * @param zone the school's time zone, which decides where weekends fall
 */
public record Overdue(Duration after, ZoneId zone) {

  /** One working day: a question asked on Friday afternoon is due on Monday afternoon. */
  public static final Duration DEFAULT_AFTER = Duration.ofDays(1);

  /** English schools; a trust elsewhere sets its own. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/London");

  public Overdue {
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(zone, "zone");
    if (after.isNegative() || after.isZero()) {
      throw new IllegalArgumentException("the overdue period must be positive");
    }
  }

  public static Overdue defaults() {
    return new Overdue(DEFAULT_AFTER, DEFAULT_ZONE);
  }

  /** {@code from} plus {@link #after} of working time, skipping Saturdays and Sundays. */
  public Instant deadline(Instant from) {
    ZonedDateTime t = from.atZone(zone);
    Duration left = after;
    while (true) {
      ZonedDateTime nextMidnight = t.toLocalDate().plusDays(1).atStartOfDay(zone);
      if (isWeekend(t)) {
        t = nextMidnight;
        continue;
      }
      Duration available = Duration.between(t, nextMidnight);
      if (left.compareTo(available) <= 0) {
        return t.plus(left).toInstant();
      }
      left = left.minus(available);
      t = nextMidnight;
    }
  }

  /** What {@code c} needs at {@code now}, given its school's reviewers; empty when nothing. */
  public Optional<Nudge> next(Case c, Reviewers reviewers, Instant now) {
    if (!c.status().awaitsReviewer() || c.handedOverAt().isPresent()) {
      return Optional.empty();
    }
    if (c.remindedAt().isEmpty()) {
      return now.isBefore(deadline(c.createdAt()))
          ? Optional.empty()
          : Optional.of(new Nudge.Remind(c, c.reviewer()));
    }
    if (c.isSafeguarding() || c.reviewer().equals(reviewers.deputy())) {
      return Optional.empty();
    }
    return now.isBefore(deadline(c.remindedAt().get()))
        ? Optional.empty()
        : Optional.of(new Nudge.HandOver(c, c.reviewer(), reviewers.deputy()));
  }

  /**
   * Only cases filed at or before this instant may be overdue at {@code now}; later ones cannot be, because
   * working time never runs faster than the clock.
   */
  public Instant filedByBound(Instant now) {
    return now.minus(after);
  }

  private static boolean isWeekend(ZonedDateTime t) {
    DayOfWeek d = t.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }
}
