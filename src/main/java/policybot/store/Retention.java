package policybot.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Forgets what people asked and who asked it once it is older than the retention period. Rows
 * stay, so counts by school, status and month still add up; only the personal columns are
 * overwritten.
 */
public final class Retention {

  /** Default retention: a school year plus the summer, long enough to answer "what did we say?". */
  public static final Duration DEFAULT_KEEP = Duration.ofDays(365);

  /** What purged text and identities read as afterwards. */
  public static final String REMOVED = "[removed]";

  /** How many rows one purge blanked. */
  public record Purged(int cases, int feedback) {}

  private final Store store;
  private final Clock clock;
  private final Duration keep;

  public Retention(Store store, Clock clock, Duration keep) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (keep == null || keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("the retention period must be positive");
    }
    this.keep = keep;
  }

  /**
   * Blanks the question, answer, asker identity and reply address of cases filed before the
   * retention period began, the asker's id in their audit entries, and the question and user of
   * older button presses. Clauses, statuses and timestamps stay. Safe to run repeatedly.
   */
  public Purged purge() {
    Instant cutoff = clock.instant().minus(keep);
    long now = clock.millis();
    return store.write(
        c -> {
          // the audit first: it finds the asker's entries by the id about to be blanked
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE case_audit SET actor = ? WHERE case_id IN"
                      + " (SELECT id FROM cases WHERE created_at < ? AND purged_at IS NULL)"
                      + " AND actor = (SELECT asker_id FROM cases WHERE cases.id = case_audit.case_id)")) {
            ps.setString(1, REMOVED);
            ps.setLong(2, cutoff.toEpochMilli());
            ps.executeUpdate();
          }
          int cases;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE cases SET question = ?, answer = CASE WHEN answer IS NULL THEN NULL ELSE ? END,"
                      + " asker_id = ?, asker_name = ?, reply_address = ?,"
                      + " reply_thread = CASE WHEN reply_thread = '' THEN '' ELSE ? END,"
                      + " purged_at = ? WHERE created_at < ? AND purged_at IS NULL")) {
            ps.setString(1, REMOVED);
            ps.setString(2, REMOVED);
            ps.setString(3, REMOVED);
            ps.setString(4, REMOVED);
            ps.setString(5, REMOVED);
            ps.setString(6, REMOVED);
            ps.setLong(7, now);
            ps.setLong(8, cutoff.toEpochMilli());
            cases = ps.executeUpdate();
          }
          int feedback;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE feedback SET question = ?, user_id = ?, purged_at = ?"
                      + " WHERE clicked_at < ? AND purged_at IS NULL")) {
            ps.setString(1, REMOVED);
            ps.setString(2, REMOVED);
            ps.setLong(3, now);
            ps.setLong(4, cutoff.toEpochMilli());
            feedback = ps.executeUpdate();
          }
          return new Purged(cases, feedback);
        });
  }
}
