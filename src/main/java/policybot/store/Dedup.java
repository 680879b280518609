package policybot.store;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Remembers events already handled (a Slack {@code event_id}, a client message id) so a
 * redelivery, even after a restart, is recognised and dropped.
 */
public final class Dedup {
  /**
   * How long a key is remembered: Slack redelivers for about an hour and a web client retries
   * within minutes, so a week is ample.
   */
  public static final Duration KEPT = Duration.ofDays(7);

  private final Store store;
  private final Clock clock;

  public Dedup(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Records {@code key} from {@code source} ("slack-event", "web-message"...) and says whether this
   * is its first delivery. Committed before it returns, so exactly one caller ever sees true.
   */
  public boolean firstSeen(String source, String key) {
    requireText(source, "source");
    requireText(key, "key");
    long now = clock.millis();
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO dedup (source, event_key, seen_at) VALUES (?, ?, ?)"
                      + " ON CONFLICT (source, event_key) DO NOTHING")) {
            ps.setString(1, source);
            ps.setString(2, key);
            ps.setLong(3, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * Forgets one key, so its next delivery is taken again: for a handler that recorded the key but
   * could not finish (a full queue), whose platform will retry. True if the key was there.
   */
  public boolean forget(String source, String key) {
    requireText(source, "source");
    requireText(key, "key");
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("DELETE FROM dedup WHERE source = ? AND event_key = ?")) {
            ps.setString(1, source);
            ps.setString(2, key);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /** Forgets keys seen before {@code cutoff}; platforms stop redelivering long before. */
  public int forgetBefore(Instant cutoff) {
    return store.write(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM dedup WHERE seen_at < ?")) {
            ps.setLong(1, cutoff.toEpochMilli());
            return ps.executeUpdate();
          }
        });
  }

  /** Forgets keys seen longer than {@link #KEPT} ago. */
  public int forgetOld() {
    return forgetBefore(clock.instant().minus(KEPT));
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
