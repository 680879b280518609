package policybot.escalation;

import java.util.Objects;

/**
 * Who reviews a school's cases, by user id: the head first, the deputy when the head is overdue,
 * and the designated safeguarding lead (DSL) for safeguarding cases, which no one else sees.
 */
public record Reviewers(String school, String head, String deputy, String dsl) {
  public Reviewers {
    requireText(school, "school");
    requireText(head, "head");
    requireText(deputy, "deputy");
    requireText(dsl, "dsl");
  }

  /** Who a new case of this kind goes to. */
  public String firstReviewer(CaseKind kind) {
    return kind == CaseKind.SAFEGUARDING ? dsl : head;
  }

  /**
   * Whether {@code userId} may see {@code c}: safeguarding cases only the current DSL; other cases
   * the head, the deputy and whoever the case is assigned to.
   */
  public boolean canSee(Case c, String userId) {
    if (!c.school().equals(school)) {
      return false;
    }
    if (c.isSafeguarding()) {
      return dsl.equals(userId);
    }
    return head.equals(userId) || deputy.equals(userId) || c.reviewer().equals(userId);
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
