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

  /**
   * This question as the next turn after {@code earlier} in one conversation, for a channel that
   * does not say what came before (a file of questions read in order): a follow-up ("what about on
   * a trip?", "who do I ask?") about the same school gets the earlier question as its previous
   * one, with the earlier one's own previous joined on, so a chain of follow-ups keeps its subject.
   * A question that names its own subject, or already has a previous one, is unchanged.
   */
  public Question following(Question earlier) {
    if (previous.isPresent() || !earlier.school().equals(school) || !FollowUp.leansOnEarlier(text)) {
      return this;
    }
    return new Question(school, text, Optional.of(FollowUp.searchText(earlier)));
  }
}
