package policybot.escalation;

import java.util.Objects;

/** Where the reviewer's answer is delivered to the person who asked. */
public sealed interface ReplyTo
    permits ReplyTo.Thread, ReplyTo.Channel, ReplyTo.DirectMessage, ReplyTo.WebSession {

  /** Reply in a thread of a channel (Slack: channel id and the thread's ts). */
  record Thread(String channel, String threadTs) implements ReplyTo {
    public Thread {
      requireText(channel, "channel");
      requireText(threadTs, "threadTs");
    }
  }

  /** Reply in a channel, as a new message. */
  record Channel(String channel) implements ReplyTo {
    public Channel {
      requireText(channel, "channel");
    }
  }

  /** Reply privately (Slack: the DM conversation id). */
  record DirectMessage(String conversation) implements ReplyTo {
    public DirectMessage {
      requireText(conversation, "conversation");
    }
  }

  /** The web chat or API session the person polls for the reply. */
  record WebSession(String sessionId) implements ReplyTo {
    public WebSession {
      requireText(sessionId, "sessionId");
    }
  }

  private static void requireText(String value, String name) {
    if (Objects.requireNonNull(value, name).isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }
}
