package policybot.answer;

import java.util.Locale;

/** What a grounded answer says the policy allows. */
public enum Verdict {
  /** The policy allows it outright. */
  YES,
  /** The policy forbids it. */
  NO,
  /** Allowed only with permission, consent or on stated conditions. */
  CONDITIONAL,
  /** Not a yes/no question: the clauses inform rather than decide. */
  INFO;

  /** The lowercase word used on the wire and in the evaluation. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A few words a person reads first. */
  public String plainWords() {
    return switch (this) {
      case YES -> "Yes";
      case NO -> "No";
      case CONDITIONAL -> "Only with permission or on conditions";
      case INFO -> "For information";
    };
  }
}
