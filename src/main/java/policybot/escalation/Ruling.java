package policybot.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reviewer's published answer to a question the policies did not settle, and the policy
 * versions it rests on.
 *
 * @param id the ruling id
 * @param school school slug
 * @param question the question, as the reviewer phrased it for reuse
 * @param answer the answer
 * @param reviewer user id of who made (or last edited or re-approved) it
 * @param decidedOn the day it was made, edited or re-approved
 * @param restsOn the policies it rests on, at the versions the reviewer saw
 * @param status whether it is in force
 * @param caseId the case it answered, if it came from one
 * @param updatedAt when it last changed
 * @param reviewerName the reviewer's name as staff know it, when it was given
 */
public record Ruling(
    String id,
    String school,
    String question,
    String answer,
    String reviewer,
    LocalDate decidedOn,
    List<PolicyVersion> restsOn,
    RulingStatus status,
    Optional<String> caseId,
    Instant updatedAt,
    Optional<String> reviewerName) {
  public Ruling {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(school, "school");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(reviewer, "reviewer");
    Objects.requireNonNull(decidedOn, "decidedOn");
    restsOn = List.copyOf(restsOn);
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(caseId, "caseId");
    Objects.requireNonNull(updatedAt, "updatedAt");
    reviewerName = reviewerName == null ? Optional.empty() : reviewerName.filter(n -> !n.isBlank());
  }

  /** Who to name when the ruling is cited: the reviewer's name, else their user id. */
  public String reviewerShown() {
    return reviewerName.orElse(reviewer);
  }
}
