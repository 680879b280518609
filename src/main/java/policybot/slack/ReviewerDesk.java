package policybot.slack;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.admin.SignInLinks;
import policybot.escalation.Case;
import policybot.escalation.CaseEvents;
import policybot.escalation.CaseStatus;
import policybot.escalation.Draft;
import policybot.escalation.Escalations;
import policybot.escalation.Nudge;
import policybot.escalation.Platform;
import policybot.escalation.ReplyTo;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.StatusChange;

/**
 * The head's side of Policy Bot in Slack: turns case news into deliveries (queued in the {@link
 * SlackOutbox}, so a Slack outage loses nothing), makes each delivery, and handles the reviewer's
 * buttons, the answer modal and {@code /policy admin}.
 */
final class ReviewerDesk implements CaseEvents, SlackOutbox.Deliverer {
  private static final Logger log = LoggerFactory.getLogger(ReviewerDesk.class);

  /** A Slack call made by the outbox loop gives up after this; the row is tried again later. */
  static final long CALL_TIMEOUT_SECONDS = 60;

  static final String NOT_A_REVIEWER =
      "Only reviewers can open the review pages: the head, deputy or safeguarding lead set up for a school. "
          + "If that should be you, ask whoever runs Policy Bot to add you with `policybot reviewers`.";

  static final String LINK_SENT = "I've sent you a sign-in link in our direct messages. It works once, within 10 minutes.";

  private final Escalations escalations;
  private final Roster roster;
  private final SignInLinks links;
  private final SlackApi api;
  private final String linkBase;
  private SlackOutbox outbox;

  ReviewerDesk(Escalations escalations, Roster roster, SignInLinks links, SlackApi api, String linkBase) {
    this.escalations = escalations;
    this.roster = roster;
    this.links = links;
    this.api = api;
    this.linkBase = linkBase;
  }

  /** The outbox this desk queues to; set once, before the desk listens for case news. */
  void deliverThrough(SlackOutbox outbox) {
    this.outbox = outbox;
  }

  // ---------------------------------------------------------------- case news -> deliveries

  @Override
  public void filed(Case filed) {
    card(filed, "card:" + filed.id() + ":filed", filed.reviewer(), ReviewerCards.NOTE_NEW);
  }

  @Override
  public void answered(Case answered, String reviewerId) {
    if (answered.asker().platform() == Platform.SLACK) {
      queueAnswer(answered, reviewerId);
    }
    refresh(answered);
  }

  @Override
  public void reassigned(Case reassigned, String from, String to) {
    card(reassigned, "card:" + reassigned.id() + ":" + to + ":" + reassigned.updatedAt().toEpochMilli(), to, ReviewerCards.NOTE_ASSIGNED);
    refresh(reassigned);
  }

  @Override
  public void nudged(Nudge nudge) {
    Case c = nudge.overdue();
    if (nudge instanceof Nudge.Remind r) {
      card(c, "card:" + c.id() + ":reminder", r.reviewer(), ReviewerCards.NOTE_REMINDER);
    } else if (nudge instanceof Nudge.HandOver h) {
      card(c, "card:" + c.id() + ":handover", h.to(), ReviewerCards.NOTE_HANDOVER + ":" + h.from());
      refresh(c);
    }
  }

  /**
   * Queues again the news of cases changed lately: a new case's card, and a reviewer's answer for a
   * Slack asker. A delivery already queued has the same key and is not sent twice, so this only
   * fills gaps left by a stop between a case's commit and its news being queued.
   */
  void catchUp(List<Case> changed) {
    for (Case c : changed) {
      if (c.status() == CaseStatus.OPEN && c.handedOverAt().isEmpty()) {
        filed(c);
      } else if (c.status() == CaseStatus.ANSWERED && c.answer().isPresent() && c.asker().platform() == Platform.SLACK) {
        // the reviewer the case is with: the one who answered, unless it moved on since
        queueAnswer(c, c.reviewer());
      }
    }
  }

  private void queueAnswer(Case answered, String reviewerId) {
    outbox.enqueue("answer:" + answered.id(), SlackOutbox.Kind.ANSWER, answered.id(), answered.asker().userId(), reviewerId);
  }

  private void card(Case c, String key, String to, String note) {
    outbox.enqueue(key, SlackOutbox.Kind.CARD, c.id(), to, note);
  }

  /** Re-renders the cards already sent for {@code c}, once per change of the case. */
  private void refresh(Case c) {
    outbox.enqueue(
        "refresh:" + c.id() + ":" + c.updatedAt().toEpochMilli() + ":" + c.status() + ":" + c.reviewer(),
        SlackOutbox.Kind.REFRESH,
        c.id(),
        c.reviewer(),
        "");
  }

  // ---------------------------------------------------------------- making one delivery

  @Override
  public SlackOutbox.Result deliver(SlackOutbox.Item item) {
    Optional<Case> found = escalations.cases().find(item.caseId());
    if (found.isEmpty()) {
      return new SlackOutbox.Skipped("no such case");
    }
    Case c = found.get();
    return switch (item.kind()) {
      case CARD -> sendCard(c, item.recipient(), item.note());
      case ANSWER -> sendAnswer(c, item.note());
      case REFRESH -> refreshCards(c);
    };
  }

  private SlackOutbox.Result sendCard(Case c, String recipient, String note) {
    Optional<String> dm = await(api.openDm(recipient)).flatMap(o -> o);
    if (dm.isEmpty()) {
      return new SlackOutbox.Failed("conversations.open failed for the reviewer");
    }
    List<LayoutBlock> blocks = ReviewerCards.card(c, recipient, note, reviewers(c));
    Optional<String> ts = await(api.postMessage(dm.get(), null, ReviewerCards.fallback(c, note), blocks)).flatMap(o -> o);
    if (ts.isEmpty()) {
      return new SlackOutbox.Failed("chat.postMessage failed for the reviewer's card");
    }
    log.atInfo().addKeyValue("case", c.id()).addKeyValue("note", note.split(":")[0]).log("case card sent to its reviewer in Slack");
    return new SlackOutbox.Sent(dm, ts);
  }

  private SlackOutbox.Result sendAnswer(Case c, String reviewer) {
    if (c.answer().isEmpty()) {
      return new SlackOutbox.Skipped("the case has no answer");
    }
    String channel;
    String thread = null;
    ReplyTo to = c.asker().replyTo();
    if (to instanceof ReplyTo.Thread t && !c.isSafeguarding()) {
      channel = t.channel();
      thread = t.threadTs();
    } else if (to instanceof ReplyTo.Channel ch && !c.isSafeguarding()) {
      channel = ch.channel();
    } else if (to instanceof ReplyTo.DirectMessage d && d.conversation().startsWith("D")) {
      channel = d.conversation();
    } else if (to instanceof ReplyTo.WebSession) {
      return new SlackOutbox.Skipped("the asker reads answers on the web");
    } else {
      // a user id, or a safeguarding answer that must never land in a channel: the asker's DM
      Optional<String> dm = await(api.openDm(c.asker().userId())).flatMap(o -> o);
      if (dm.isEmpty()) {
        return new SlackOutbox.Failed("conversations.open failed for the asker");
      }
      channel = dm.get();
    }
    Optional<String> ts =
        await(api.postMessage(channel, thread, ReviewerCards.answerFallback(c, reviewer), ReviewerCards.answer(c, reviewer))).flatMap(o -> o);
    if (ts.isEmpty()) {
      return new SlackOutbox.Failed("chat.postMessage failed for the answer");
    }
    log.atInfo().addKeyValue("case", c.id()).log("reviewer's answer delivered to the asker in Slack");
    return new SlackOutbox.Sent(Optional.of(channel), ts);
  }

  private SlackOutbox.Result refreshCards(Case c) {
    Optional<Reviewers> reviewers = reviewers(c);
    for (SlackOutbox.SentCard card : outbox.sentCards(c.id())) {
      boolean ok =
          await(api.updateMessage(card.channel(), card.ts(), ReviewerCards.fallback(c, ""), ReviewerCards.card(c, card.recipient(), "", reviewers)))
              .orElse(false);
      if (!ok) {
        // chat.update is idempotent, so the whole refresh is simply tried again
        return new SlackOutbox.Failed("chat.update failed for a case card");
      }
    }
    return SlackOutbox.Sent.nowhere();
  }

  private Optional<Reviewers> reviewers(Case c) {
    return roster.of(c.school());
  }

  private static <T> Optional<T> await(CompletableFuture<T> call) {
    try {
      return Optional.ofNullable(call.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException | TimeoutException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------- the reviewer's buttons

  /** Answer: opens the modal with a draft, if the case is still open and the presser may see it. */
  void openAnswer(SlackConversation.Click click, String triggerId) {
    Optional<Case> c = escalations.cases().findVisibleTo(click.user(), click.value());
    if (c.isEmpty()) {
      reply(click, "You can't answer this question.");
      return;
    }
    if (c.get().status() != CaseStatus.OPEN) {
      reply(click, "This question is already " + c.get().status().name().toLowerCase(java.util.Locale.ROOT) + ".");
      return;
    }
    api.openView(triggerId, ReviewerCards.answerModal(c.get(), Draft.of(c.get())));
  }

  /**
   * The modal was submitted: records the answer (and the ruling, if ticked). Returns errors to
   * show in the modal by block id; empty when the answer was taken and the modal may close.
   */
  Map<String, String> submitAnswer(String user, Optional<String> userName, String caseId, String text, boolean publish) {
    if (text == null || text.isBlank()) {
      return Map.of(ReviewerCards.BLOCK_ANSWER, "Please write an answer before sending.");
    }
    Escalations.Answered answered = escalations.answer(caseId, user, userName, text, publish);
    if (answered.change() instanceof StatusChange.Changed) {
      log.atInfo().addKeyValue("case", caseId).addKeyValue("ruling", answered.ruling().isPresent()).log("case answered in Slack");
      return Map.of();
    }
    if (answered.change() instanceof StatusChange.NotAllowed na) {
      return Map.of(ReviewerCards.BLOCK_ANSWER, "This question is already " + na.current().status().name().toLowerCase(java.util.Locale.ROOT) + ", so this answer was not sent.");
    }
    return Map.of(ReviewerCards.BLOCK_ANSWER, "You can't answer this question.");
  }

  /** Assign to deputy: the case goes to the school's deputy, who is sent it. */
  void assignToDeputy(SlackConversation.Click click) {
    Optional<Case> c = escalations.cases().findVisibleTo(click.user(), click.value());
    Optional<Reviewers> reviewers = c.flatMap(this::reviewers);
    if (c.isEmpty() || reviewers.isEmpty()) {
      reply(click, "You can't reassign this question.");
      return;
    }
    if (c.get().isSafeguarding()) {
      reply(click, "A safeguarding concern stays with the designated safeguarding lead.");
      return;
    }
    StatusChange change = escalations.assign(c.get().id(), reviewers.get().deputy(), click.user());
    if (!(change instanceof StatusChange.Changed)) {
      reply(click, "This question can't be reassigned now: it is no longer open and yours.");
    }
  }

  /** Dismiss: set aside (a test, a duplicate); it can be reopened from the review pages. */
  void dismiss(SlackConversation.Click click) {
    StatusChange change = escalations.move(click.value(), CaseStatus.DISMISSED, click.user(), "dismissed in Slack");
    if (change instanceof StatusChange.Changed changed) {
      refresh(changed.updated());
    } else {
      reply(click, "This question can't be dismissed now.");
    }
  }

  // ---------------------------------------------------------------- /policy admin

  /** Whether {@code user} reviews any school's cases. */
  boolean isReviewer(String user) {
    return roster.all().stream().anyMatch(r -> r.head().equals(user) || r.deputy().equals(user) || r.dsl().equals(user));
  }

  /**
   * DMs a reviewer a single-use sign-in link to the review pages; anyone else is told politely
   * that the pages are for reviewers. The link is sent at once, not queued: it expires in minutes,
   * and the token must not sit in the database in the clear.
   */
  void adminLink(SlackConversation.Click click) {
    if (!isReviewer(click.user())) {
      reply(click, NOT_A_REVIEWER);
      return;
    }
    String url = SignInLinks.url(linkBase, links.issue(click.user()));
    String text = "Your sign-in link to the review pages: " + SlackText.link(url, "Open the review pages")
        + "\nIt works once, within 10 minutes. If it has expired, type `/policy admin` again.";
    Optional<String> dm = await(api.openDm(click.user())).flatMap(o -> o);
    boolean sent = dm.isPresent() && await(api.postMessage(dm.get(), null, "Your sign-in link to the review pages", List.of(AnswerBlocks.section(text)))).flatMap(o -> o).isPresent();
    log.atInfo().addKeyValue("sent", sent).log("review pages sign-in link requested in Slack");
    reply(click, sent ? LINK_SENT : "I couldn't send you a sign-in link just now. Please try again in a minute.");
  }

  private void reply(SlackConversation.Click click, String mrkdwn) {
    if (click.responseUrl() != null) {
      api.respond(click.responseUrl(), false, false, mrkdwn, List.of(AnswerBlocks.section(mrkdwn)));
    } else {
      // a Home tab button has nowhere to reply but the DM
      api.openDm(click.user()).thenAccept(dm -> dm.ifPresent(ch -> api.postMessage(ch, null, mrkdwn, List.of(AnswerBlocks.section(mrkdwn)))));
    }
  }
}
