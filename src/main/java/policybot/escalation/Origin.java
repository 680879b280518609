package policybot.escalation;

/** How a question became a case. */
public enum Origin {
  /** The engine could not settle it and escalated by itself. */
  ENGINE,
  /** The "Ask the head" button under a Slack or Teams answer. */
  ASK_HEAD_BUTTON,
  /** {@code /policy ask-head}. */
  SLASH_COMMAND,
  /** The web chat's ask-the-head button. */
  WEB_BUTTON,
  /** The JSON API. */
  API
}
