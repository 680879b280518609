package policybot.escalation;

/**
 * One policy as it stood when a ruling was made.
 *
 * @param policy policy slug within the ruling's school
 * @param contentHash SHA-256 of the policy file then, as the index records it
 */
public record PolicyVersion(String policy, String contentHash) {
  public PolicyVersion {
    if (policy == null || policy.isBlank()) {
      throw new IllegalArgumentException("policy must not be blank");
    }
    if (contentHash == null || contentHash.isBlank()) {
      throw new IllegalArgumentException("contentHash must not be blank");
    }
  }
}
