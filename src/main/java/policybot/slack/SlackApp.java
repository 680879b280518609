package policybot.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The Bolt app: turns Slack's events, the /policy command and button presses into {@link Asked}
 * questions and {@link SlackConversation.Click}s, and acknowledges each at once. Nothing slow runs
 * here: the work is queued, and a delivery Slack already made is never taken twice.
 */
final class SlackApp {
  /** The slash command, as the manifest declares it. */
  static final String COMMAND = "/policy";

  /** Returned when the queue is full: Slack retries a delivery that was not acknowledged with 200. */
  static final int BUSY_STATUS = 503;

  /** {@code /policy admin}: a reviewer's sign-in link to the review pages. */
  static final String ADMIN = "admin";

  /** {@code /policy ask-head <question>}: answer it and send it to the head, whatever the engine decided. */
  static final String ASK_HEAD = "ask-head";

  private SlackApp() {}

  static App build(AppConfig config, SlackConversation conversation, ReviewerDesk desk) {
    App app = new App(config);
    SeenDeliveries seen = conversation.seen();

    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          MessageEvent e = payload.getEvent();
          // only direct messages; channel questions come as app_mention. Other bots are ignored
          // (the bot's own messages are dropped before this by Bolt's IgnoringSelfEvents)
          if (!"im".equals(e.getChannelType()) || e.getBotId() != null || e.getUser() == null) {
            return ctx.ack();
          }
          String team = team(payload, e.getTeam());
          Asked asked = asked(team, e.getUser(), e.getChannel(), e.getThreadTs(), e.getTs(), Asked.Surface.DIRECT, e.getText(), ctx.getBotUserId());
          return take(ctx.ack(), seen, keys(payload, team, e.getClientMsgId()), conversation, () -> conversation.ask(asked));
        });

    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent e = payload.getEvent();
          if (e.getBotId() != null || e.getUser() == null || "bot_message".equals(e.getSubtype())) {
            return ctx.ack();
          }
          String team = team(payload, e.getTeam());
          Asked asked = asked(team, e.getUser(), e.getChannel(), e.getThreadTs(), e.getTs(), Asked.Surface.MENTION, e.getText(), ctx.getBotUserId());
          return take(ctx.ack(), seen, keys(payload, team, e.getClientMsgId()), conversation, () -> conversation.ask(asked));
        });

    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent e = payload.getEvent();
          if (!"home".equals(e.getTab())) {
            return ctx.ack();
          }
          String team = team(payload, null);
          return take(ctx.ack(), seen, keys(payload, team, null), conversation, () -> conversation.home(team, e.getUser()));
        });

    app.command(
        COMMAND,
        (req, ctx) -> {
          SlashCommandPayload p = req.getPayload();
          Asked asked =
              new Asked(
                  p.getTeamId(),
                  p.getUserId(),
                  p.getChannelId(),
                  null,
                  null,
                  Asked.Surface.COMMAND,
                  p.getText() == null ? "" : p.getText().strip(),
                  p.getResponseUrl());
          List<String> keys = List.of("command:" + p.getTriggerId());
          if (ADMIN.equalsIgnoreCase(asked.text())) {
            SlackConversation.Click click =
                new SlackConversation.Click(p.getTeamId(), p.getUserId(), p.getChannelId(), p.getResponseUrl(), "", false, p.getTriggerId());
            return take(ctx.ack(), seen, keys, conversation, () -> desk.adminLink(click));
          }
          return take(ctx.ack(), seen, keys, conversation, () -> conversation.ask(asked));
        });

    onClick(app, Pattern.compile("^" + AnswerBlocks.ACTION_HELPFUL + "$"), conversation, c -> conversation.feedback(c, true));
    onClick(app, Pattern.compile("^" + AnswerBlocks.ACTION_NOT_HELPFUL + "$"), conversation, c -> conversation.feedback(c, false));
    onClick(app, Pattern.compile("^" + AnswerBlocks.ACTION_ASK_HEAD + "$"), conversation, conversation::askHead);
    onClick(app, Pattern.compile("^" + AnswerBlocks.ACTION_SHARE + "$"), conversation, conversation::share);
    onClick(app, Pattern.compile("^" + AnswerBlocks.ACTION_CHOOSE_SCHOOL + "_.+$"), conversation, conversation::chooseSchool);
    onClick(app, Pattern.compile("^" + ReviewerCards.ACTION_ANSWER + "$"), conversation, c -> desk.openAnswer(c, c.clickKey()));
    onClick(app, Pattern.compile("^" + ReviewerCards.ACTION_DEPUTY + "$"), conversation, desk::assignToDeputy);
    onClick(app, Pattern.compile("^" + ReviewerCards.ACTION_DISMISS + "$"), conversation, desk::dismiss);
    onClick(app, Pattern.compile("^" + HomeView.ACTION_OPEN_ADMIN + "$"), conversation, desk::adminLink);

    app.viewSubmission(
        ReviewerCards.MODAL_ANSWER,
        (req, ctx) -> {
          // answered here, before the ack, so a blank or stale answer is shown in the modal itself;
          // it is one database write, well within Slack's 3 seconds
          ViewSubmissionPayload p = req.getPayload();
          Map<String, Map<String, ViewState.Value>> values =
              p.getView().getState() == null || p.getView().getState().getValues() == null ? Map.of() : p.getView().getState().getValues();
          ViewState.Value text = values.getOrDefault(ReviewerCards.BLOCK_ANSWER, Map.of()).get(ReviewerCards.INPUT_ANSWER);
          ViewState.Value publish = values.getOrDefault(ReviewerCards.BLOCK_PUBLISH, Map.of()).get(ReviewerCards.INPUT_PUBLISH);
          boolean ruling =
              publish != null
                  && publish.getSelectedOptions() != null
                  && publish.getSelectedOptions().stream().anyMatch(o -> ReviewerCards.PUBLISH_VALUE.equals(o.getValue()));
          Map<String, String> errors;
          try {
            errors = desk.submitAnswer(p.getUser().getId(), Optional.ofNullable(p.getUser().getName()).filter(n -> !n.isBlank()), p.getView().getPrivateMetadata(), text == null ? null : text.getValue(), ruling);
          } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SlackApp.class).atError().setCause(e).log("could not record an answer from Slack");
            errors = Map.of(ReviewerCards.BLOCK_ANSWER, "Your answer could not be saved just now. Please try again in a minute.");
          }
          return errors.isEmpty() ? ctx.ack() : ctx.ackWithErrors(errors);
        });
    return app;
  }

  /**
   * The question after {@code ask-head} (blank when none was typed) when {@code text} is that
   * sub-command, else empty. The question is answered and filed by {@link SlackConversation#ask}.
   */
  static Optional<String> askHeadQuestion(String text) {
    String t = text == null ? "" : text.strip();
    boolean sub =
        t.regionMatches(true, 0, ASK_HEAD, 0, ASK_HEAD.length())
            && (t.length() == ASK_HEAD.length() || Character.isWhitespace(t.charAt(ASK_HEAD.length())));
    return sub ? Optional.of(t.substring(ASK_HEAD.length()).strip()) : Optional.empty();
  }

  private static void onClick(App app, Pattern actionId, SlackConversation conversation, Consumer<SlackConversation.Click> then) {
    app.blockAction(
        actionId,
        (req, ctx) -> {
          BlockActionPayload p = req.getPayload();
          SlackConversation.Click click = click(p);
          List<String> keys = p.getTriggerId() == null ? List.of() : List.of("action:" + p.getTriggerId());
          return take(ctx.ack(), conversation.seen(), keys, conversation, () -> then.accept(click));
        });
  }

  static SlackConversation.Click click(BlockActionPayload p) {
    String value = p.getActions() == null || p.getActions().isEmpty() ? "" : p.getActions().get(0).getValue();
    boolean fromHome = p.getContainer() != null && "view".equals(p.getContainer().getType());
    return new SlackConversation.Click(
        p.getTeam() == null ? "" : p.getTeam().getId(),
        p.getUser().getId(),
        p.getChannel() == null ? null : p.getChannel().getId(),
        p.getResponseUrl(),
        value,
        fromHome,
        p.getTriggerId());
  }

  /**
   * Takes a delivery once: records its keys, queues the work and returns the ack. A duplicate is
   * acknowledged and dropped; when the queue is full the keys are forgotten and Slack is told to
   * retry.
   */
  /** A question from a DM or a mention: the two events carry the same fields, typed apart. */
  private static Asked asked(
      String team, String user, String channel, String threadTs, String ts, Asked.Surface surface, String text, String botUserId) {
    return new Asked(team, user, channel, threadTs, ts, surface, SlackText.fromEvent(text, botUserId), null);
  }

  private static Response take(Response ack, SeenDeliveries seen, List<String> keys, SlackConversation conversation, Runnable work) {
    if (!keys.isEmpty() && !seen.firstTime(keys)) {
      return ack;
    }
    if (!conversation.submit(work)) {
      seen.forget(keys);
      return Response.builder().statusCode(BUSY_STATUS).body("busy").build();
    }
    return ack;
  }

  /** The event's own id, and its message's client id: Slack may send one message as two events. */
  private static List<String> keys(EventsApiPayload<?> payload, String team, String clientMsgId) {
    List<String> keys = new ArrayList<>();
    if (payload.getEventId() != null) {
      keys.add("event:" + payload.getEventId());
    }
    if (clientMsgId != null && !clientMsgId.isBlank()) {
      keys.add("message:" + team + ":" + clientMsgId);
    }
    return keys;
  }

  private static String team(EventsApiPayload<?> payload, String eventTeam) {
    if (payload.getTeamId() != null) {
      return payload.getTeamId();
    }
    return eventTeam == null ? "" : eventTeam;
  }
}
