package policybot.eval;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

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

  /** A question the policies answer (as opposed to one that should escalate). */
  public boolean answerable() {
    return !expect.escalate();
  }
}
