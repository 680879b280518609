package policybot.slack;

import java.util.Objects;

/**
 * A question as it arrived from Slack, with where the answer must go.
 *
 * @param team workspace id
 * @param user who asked
 * @param channel where they asked (a DM, a channel, or the slash command's channel)
 * @param threadTs the thread the question was asked in, or null at the top level
 * @param messageTs the question's own message, or null for a slash command
 * @param surface how it was asked, which decides who may see the answer
 * @param text the question in plain words
 * @param responseUrl where a slash command's private answer goes, or null
 */
record Asked(
    String team,
    String user,
    String channel,
    String threadTs,
    String messageTs,
    Surface surface,
    String text,
    String responseUrl) {

  /** How a question reached the bot. */
  enum Surface {
    /** A direct message: the answer goes back in the DM. */
    DIRECT,
    /** An @mention in a channel: the answer goes in a thread under it. */
    MENTION,
    /** The /policy command: the answer is private (ephemeral) with a share button. */
    COMMAND
  }

  Asked {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(surface, "surface");
    text = text == null ? "" : text;
  }

  /** The thread the answer belongs to: the one asked in, or the question message itself. */
  String threadRoot() {
    return threadTs != null ? threadTs : messageTs;
  }

  Asked withText(String newText) {
    return new Asked(team, user, channel, threadTs, messageTs, surface, newText, responseUrl);
  }
}
