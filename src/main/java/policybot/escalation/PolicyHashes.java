package policybot.escalation;

import java.util.Map;

/** The content hash of each policy a school has now, as the index records it. */
@FunctionalInterface
public interface PolicyHashes {

  /** Policy slug to SHA-256 of its file, for {@code school}; empty for an unknown school. */
  Map<String, String> of(String school);
}
