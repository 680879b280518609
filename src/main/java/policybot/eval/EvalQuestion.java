package policybot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Optional;
import policybot.answer.Question;

/**
 * One line of an evaluation set.
 *
 * @param id question id
 * @param school school slug
 * @param question what is asked
 * @param previous the earlier question, for follow-ups (optional)
 * @param expect what a right answer contains
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EvalQuestion(String id, String school, String question, String previous, Expect expect) {

  /** Expected quotes (any one found counts), acceptable verdicts, and whether it should escalate. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Expect(List<String> quotes, List<String> verdict, boolean escalate) {
    public Expect {
      quotes = quotes == null ? List.of() : List.copyOf(quotes);
      verdict = verdict == null ? List.of() : List.copyOf(verdict);
    }
  }

  public boolean safeguarding() {
    return expect.verdict().contains("safeguarding");
  }

  /** The question as the engine receives it; a blank earlier question is none. */
  public Question asked() {
    return new Question(school, question, Optional.ofNullable(previous).filter(p -> !p.isBlank()));
  }

  /** A question the policies answer (as opposed to one that should escalate). */
  public boolean answerable() {
    return !expect.escalate();
  }
}
