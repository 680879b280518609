package policybot.corpus;

import java.util.List;
import java.util.Objects;

/**
 * One citable unit of a policy: a bullet, a numbered item or a short paragraph, kept verbatim.
 *
 * @param id stable anchor, unique within its policy (used as the URL fragment)
 * @param school school slug
 * @param policy policy slug within the school
 * @param headings heading path from the outermost heading down, without the document title
 * @param number the item's own number or letter ("3", "B"), or empty
 * @param leadIn the sentence that introduces a list ("...should not be used for:-"), or empty; used
 *     for search context, never quoted as the clause
 * @param text the clause text as the school wrote it, conversion junk removed
 * @param ordinal position in the document, for ordering on the policy page
 */
public record Clause(
    String id,
    String school,
    String policy,
    List<String> headings,
    String number,
    String leadIn,
    String text,
    int ordinal) {

  public Clause {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(school, "school");
    Objects.requireNonNull(policy, "policy");
    headings = List.copyOf(headings);
    number = number == null ? "" : number;
    leadIn = leadIn == null ? "" : leadIn;
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("clause text must not be blank");
    }
  }

  /** The heading path as people write it: "E. Safeguarding of Children > Use of Mobile Phones". */
  public String section() {
    return String.join(" > ", headings);
  }
}
