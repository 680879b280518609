package policybot.escalation;

import java.util.Objects;
import policybot.answer.Citation;

/**
 * A clause the bot found nearest to the question, copied into the case so it still reads right
 * after the policy changes.
 *
 * @param policy policy slug
 * @param clauseId the clause's anchor in the policy
 * @param title the policy's title
 * @param section heading path of the clause
 * @param link address of the clause on the policy page
 * @param text the clause, verbatim
 */
public record CaseClause(
    String policy, String clauseId, String title, String section, String link, String text) {
  public CaseClause {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(clauseId, "clauseId");
    title = title == null ? "" : title;
    section = section == null ? "" : section;
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(text, "text");
  }

  public static CaseClause of(Citation citation) {
    return new CaseClause(
        citation.clause().policy(),
        citation.clause().id(),
        citation.title(),
        citation.section(),
        citation.link(),
        citation.text());
  }
}
