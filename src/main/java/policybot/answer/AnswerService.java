package policybot.answer;

/** Answers questions from the current index. Placeholder signature; the engine fills it in. */
public final class AnswerService {
  public Answer ask(Question question) {
    throw new UnsupportedOperationException("not yet");
  }
}
