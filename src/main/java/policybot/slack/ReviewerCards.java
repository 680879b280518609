package policybot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewClose;
import com.slack.api.model.view.ViewSubmit;
import com.slack.api.model.view.ViewTitle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import policybot.escalation.Case;
import policybot.escalation.CaseClause;
import policybot.escalation.Platform;
import policybot.escalation.Reviewers;

/**
 * Block Kit for the head's side: the case card a reviewer gets by DM (question, who asked, the
 * bot's nearest clauses, why it escalated, and Answer / Assign to deputy / Dismiss), the answer
 * modal, and the answer as the asker sees it. Everything a person or a policy wrote is escaped.
 */
final class ReviewerCards {
  static final String ACTION_ANSWER = "case_answer";
  static final String ACTION_DEPUTY = "case_assign_deputy";
  static final String ACTION_DISMISS = "case_dismiss";

  /** The answer modal's callback id, and its two inputs. */
  static final String MODAL_ANSWER = "case_answer_modal";

  static final String BLOCK_ANSWER = "answer";
  static final String INPUT_ANSWER = "text";
  static final String BLOCK_PUBLISH = "publish";
  static final String INPUT_PUBLISH = "publish";
  static final String PUBLISH_VALUE = "publish";

  /** The card quotes this many of the bot's clauses: the same three the asker saw. */
  static final int MAX_CLAUSES = 3;

  /** A quoted clause is cut here, so three fit on a phone screen; the link has the rest. */
  static final int CLAUSE_CHARS = 500;

  /** Slack's cap on a plain-text input. */
  static final int MAX_ANSWER_CHARS = 3_000;

  /** Why a card was sent, kept with the delivery and shown at the top of the card. */
  static final String NOTE_NEW = "new";

  static final String NOTE_REMINDER = "reminder";
  static final String NOTE_ASSIGNED = "assigned";
  static final String NOTE_HANDOVER = "handover";

  private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,}");

  private ReviewerCards() {}

  /** A person as Slack shows them: a Slack user becomes their display name; anyone else is named. */
  static String who(String userId) {
    return userId != null && USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : SlackText.escape(userId);
  }

  static String asker(Case c) {
    if (c.asker().platform() == Platform.SLACK) {
      return who(c.asker().userId());
    }
    return SlackText.escape(c.asker().displayName()) + " (via " + c.asker().platform().name().toLowerCase(java.util.Locale.ROOT) + ")";
  }

  /** The notification preview: never the words of a safeguarding concern. */
  static String fallback(Case c, String note) {
    if (c.isSafeguarding()) {
      return "A safeguarding concern for you, as DSL";
    }
    return (NOTE_REMINDER.equals(note) ? "Reminder: a question is waiting for your answer" : "A question for you from the policy bot");
  }

  /**
   * The card for {@code recipient}, as {@code c} stands now: with its buttons while it is open and
   * theirs, or with where it stands once it has moved on.
   */
  static List<LayoutBlock> card(Case c, String recipient, String note, Optional<Reviewers> reviewers) {
    List<LayoutBlock> blocks = new ArrayList<>();
    if (c.isSafeguarding()) {
      blocks.add(AnswerBlocks.section(":rotating_light: *Safeguarding concern* raised by " + asker(c)
          + ". It has come to you as the designated safeguarding lead only: no one else is shown it."));
    } else {
      blocks.add(AnswerBlocks.section("*A question for you* from " + asker(c) + " (" + SlackText.escape(c.school()) + ")"));
    }
    headline(note).ifPresent(h -> blocks.add(AnswerBlocks.context(List.of(h))));
    blocks.add(AnswerBlocks.section(quote(c.question())));
    c.reason().ifPresent(r -> blocks.add(AnswerBlocks.context(List.of("*Why it came to you:* " + SlackText.escape(r.explanation())))));
    List<CaseClause> clauses = c.clauses().subList(0, Math.min(MAX_CLAUSES, c.clauses().size()));
    if (!clauses.isEmpty()) {
      blocks.add(AnswerBlocks.context(List.of("*The nearest clauses I found:*")));
      for (CaseClause cl : clauses) {
        String where = cl.title().isBlank() ? cl.policy() : cl.title();
        if (!cl.section().isBlank()) {
          where = where + " › " + cl.section();
        }
        blocks.add(AnswerBlocks.section(quote(SlackText.cutAtSentence(cl.text(), CLAUSE_CHARS)) + "\n" + SlackText.link(cl.link(), where)));
      }
    } else {
      blocks.add(AnswerBlocks.context(List.of("I found no clause that speaks to this.")));
    }
    blocks.add(status(c, recipient, reviewers));
    return AnswerBlocks.capped(blocks);
  }

  private static Optional<String> headline(String note) {
    if (note == null) {
      return Optional.empty();
    }
    if (note.equals(NOTE_REMINDER)) {
      return Optional.of(":alarm_clock: *Reminder:* this has waited more than a working day for an answer.");
    }
    if (note.equals(NOTE_ASSIGNED)) {
      return Optional.of("This has been assigned to you.");
    }
    if (note.startsWith(NOTE_HANDOVER + ":")) {
      return Optional.of(":arrow_right: Handed to you as deputy: " + who(note.substring(NOTE_HANDOVER.length() + 1))
          + " has not answered it for more than two working days.");
    }
    return Optional.empty();
  }

  /** The buttons while the case is open and with {@code recipient}; otherwise where it stands. */
  private static LayoutBlock status(Case c, String recipient, Optional<Reviewers> reviewers) {
    if (c.status().awaitsReviewer() && c.reviewer().equals(recipient)) {
      List<BlockElement> buttons = new ArrayList<>();
      buttons.add(AnswerBlocks.button("Answer", ACTION_ANSWER, c.id(), "primary"));
      boolean hasDeputy = reviewers.isPresent() && !reviewers.get().deputy().equals(recipient);
      if (!c.isSafeguarding() && hasDeputy) {
        buttons.add(AnswerBlocks.button("Assign to deputy", ACTION_DEPUTY, c.id(), null));
      }
      buttons.add(AnswerBlocks.button("Dismiss", ACTION_DISMISS, c.id(), "danger"));
      return ActionsBlock.builder().blockId("case_actions").elements(buttons).build();
    }
    String where =
        switch (c.status()) {
          case OPEN -> ":arrow_right: Now with " + who(c.reviewer()) + ".";
          case ANSWERED -> ":white_check_mark: *Answered:* " + SlackText.escape(SlackText.cutAtSentence(c.answer().orElse(""), CLAUSE_CHARS));
          case DISMISSED -> ":wastebasket: Dismissed.";
          case CLOSED -> "Closed.";
        };
    return AnswerBlocks.context(List.of(where));
  }

  /** The modal a reviewer answers in: the question, a draft to edit, and (not for safeguarding) a ruling box. */
  static View answerModal(Case c, String draft) {
    List<LayoutBlock> blocks = new ArrayList<>();
    blocks.add(AnswerBlocks.section("*Question from* " + asker(c) + ":\n" + quote(c.question())));
    blocks.add(
        InputBlock.builder()
            .blockId(BLOCK_ANSWER)
            .label(plain("Your answer"))
            .element(
                PlainTextInputElement.builder()
                    .actionId(INPUT_ANSWER)
                    .multiline(true)
                    .maxLength(MAX_ANSWER_CHARS)
                    .initialValue(draft.length() > MAX_ANSWER_CHARS ? draft.substring(0, MAX_ANSWER_CHARS) : draft)
                    .build())
            .hint(plain("It is sent to the person who asked, with your name on it."))
            .build());
    if (!c.isSafeguarding()) {
      blocks.add(
          InputBlock.builder()
              .blockId(BLOCK_PUBLISH)
              .optional(true)
              .label(plain("Ruling"))
              .element(
                  CheckboxesElement.builder()
                      .actionId(INPUT_PUBLISH)
                      .options(List.of(OptionObject.builder().value(PUBLISH_VALUE).text(plain("Publish as a ruling for everyone")).build()))
                      .build())
              .build());
    }
    return View.builder()
        .type("modal")
        .callbackId(MODAL_ANSWER)
        .privateMetadata(c.id())
        .title(ViewTitle.builder().type("plain_text").text("Answer the question").build())
        .submit(ViewSubmit.builder().type("plain_text").text("Send answer").build())
        .close(ViewClose.builder().type("plain_text").text("Cancel").build())
        .blocks(blocks)
        .build();
  }

  /** The reviewer's answer as the asker sees it, attributed to the reviewer. */
  static List<LayoutBlock> answer(Case c, String reviewer) {
    return List.of(
        AnswerBlocks.section("*Answer from " + who(reviewer) + ":* " + SlackText.escape(c.answer().orElse(""))),
        AnswerBlocks.context(List.of("Your question: " + SlackText.escape(SlackText.cutAtSentence(c.question(), CLAUSE_CHARS)))));
  }

  static String answerFallback(Case c, String reviewer) {
    return "Answer from " + who(reviewer) + ": " + SlackText.escape(SlackText.cutAtSentence(c.answer().orElse(""), AnswerBlocks.FALLBACK_CHARS));
  }

  private static String quote(String text) {
    return "> " + SlackText.escape(text).replace("\n", "\n> ");
  }

  private static PlainTextObject plain(String text) {
    return PlainTextObject.builder().text(text).emoji(true).build();
  }
}
