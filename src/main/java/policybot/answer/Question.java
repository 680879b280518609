package policybot.answer;

import java.util.Objects;
import java.util.Optional;

/**
 * A question as the engine receives it from any channel.
 *
 * @param school school slug the asker belongs to
 * @param text what they typed
 * @param previous the question before it in the same conversation, for short follow-ups
 */
public record Question(String school, String text, Optional<String> previous) {
  public Question {
    text = text == null ? "" : text;
    school = school == null ? "" : school.strip();
    Objects.requireNonNull(previous, "previous");
  }

  public static Question of(String school, String text) {
    return new Question(school, text, Optional.empty());
  }
}
