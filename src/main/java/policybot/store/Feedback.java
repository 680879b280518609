package policybot.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Records the buttons people press under an answer, and counts them. */
public final class Feedback {

  /** The buttons under an answer. */
  public enum Choice {
    HELPFUL,
    NOT_HELPFUL,
    ASK_HEAD
  }

  /**
   * One press of a button.
   *
   * @param clickKey the platform's id for this press (Slack's action id and timestamp, the web
   *     request id): a redelivered press carries the same key and is recorded once
   * @param school school slug
   * @param answerRef which answer the button was under (message timestamp, answer id)
   * @param question the question that answer was for; purged after the retention period
   * @param platform where it was pressed ("slack", "web", "teams")
   * @param userId who pressed it; purged after the retention period
   * @param choice which button
   */
  public record Click(
      String clickKey,
      String school,
      String answerRef,
      String question,
      String platform,
      String userId,
      Choice choice) {
    public Click {
      requireText(clickKey, "clickKey");
      requireText(school, "school");
      requireText(answerRef, "answerRef");
      Objects.requireNonNull(question, "question");
      requireText(platform, "platform");
      requireText(userId, "userId");
      Objects.requireNonNull(choice, "choice");
    }
  }

  private final Store store;
  private final Clock clock;

  public Feedback(Store store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Records a press; false when this press (same click key) was already recorded. */
  public boolean record(Click click) {
    long now = clock.millis();
    return store.write(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO feedback (id, click_key, school, answer_ref, question, platform,"
                      + " user_id, choice, clicked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (click_key) DO NOTHING")) {
            ps.setString(1, UUID.randomUUID().toString());
            ps.setString(2, click.clickKey());
            ps.setString(3, click.school());
            ps.setString(4, click.answerRef());
            ps.setString(5, click.question());
            ps.setString(6, click.platform());
            ps.setString(7, click.userId());
            ps.setString(8, click.choice().name());
            ps.setLong(9, now);
            return ps.executeUpdate() == 1;
          }
        });
  }

  /**
   * The person's latest verdict (helpful or not) on one answer, so their own view of it can be shown
   * back to them by any instance; empty if they pressed neither.
   */
  public Optional<Choice> verdictOf(String platform, String answerRef, String userId) {
    return store.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT choice FROM feedback WHERE platform = ? AND answer_ref = ? AND user_id = ?"
                      + " AND choice IN ('HELPFUL', 'NOT_HELPFUL')"
                      + " ORDER BY clicked_at DESC, id DESC LIMIT 1")) {
            ps.setString(1, platform);
            ps.setString(2, answerRef);
            ps.setString(3, userId);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(Choice.valueOf(rs.getString(1))) : Optional.<Choice>empty();
            }
          }
        });
  }

  /** Presses per button for a school since {@code since}; every button appears, zero or not. */
  public Map<Choice, Long> counts(String school, Instant since) {
    return store.read(
        c -> {
          Map<Choice, Long> counts = new EnumMap<>(Choice.class);
          for (Choice choice : Choice.values()) {
            counts.put(choice, 0L);
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT choice, COUNT(*) FROM feedback WHERE school = ? AND clicked_at >= ?"
                      + " GROUP BY choice")) {
            ps.setString(1, school);
            ps.setLong(2, since.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                counts.put(Choice.valueOf(rs.getString(1)), rs.getLong(2));
              }
            }
          }
          return counts;
        });
  }

  /**
   * The questions of the latest presses of {@code choice} at a school, newest first, leaving out
   * those the retention purge has blanked: what the gap report groups by topic.
   */
  public List<String> questions(String school, Choice choice, int limit) {
    return store.read(
        c -> {
          List<String> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT question FROM feedback WHERE school = ? AND choice = ? AND purged_at IS NULL"
                      + " ORDER BY clicked_at DESC LIMIT ?")) {
            ps.setString(1, school);
            ps.setString(2, choice.name());
            ps.setInt(3, limit);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String q = rs.getString(1);
                if (q != null && !q.isBlank()) {
                  out.add(q);
                }
              }
            }
          }
          return out;
        });
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
