package policybot.escalation;

/** Where a person asked, and so how the answer gets back to them. */
public enum Platform {
  SLACK,
  TEAMS,
  WEB,
  API
}
