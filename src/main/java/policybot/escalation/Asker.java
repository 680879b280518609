package policybot.escalation;

import java.util.Objects;

/**
 * The person who asked.
 *
 * @param platform where they asked
 * @param userId their id on that platform (Slack user id, web login or session id)
 * @param displayName the name a reviewer sees
 * @param replyTo where the answer goes
 */
public record Asker(Platform platform, String userId, String displayName, ReplyTo replyTo) {
  public Asker {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(replyTo, "replyTo");
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank");
    }
    displayName = displayName == null || displayName.isBlank() ? userId : displayName.strip();
  }
}
