package policybot.chat;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import policybot.answer.Answer;
import policybot.escalation.Asker;
import policybot.escalation.Case;
import policybot.escalation.CaseRequest;
import policybot.escalation.Escalations;
import policybot.escalation.Filing;
import policybot.escalation.Origin;

/**
 * Files a case when the engine escalates by itself: an {@link Answer.Escalated} question goes to
 * the school's head, an {@link Answer.Safeguarding} concern to its DSL only. Channels call this
 * before they show the answer, so a person is told "sent" only once the case is committed; and
 * with a key from the platform's own delivery id, so a retried delivery or a double submit finds
 * the case already filed instead of filing a second one. Never throws: a failed filing is a result
 * the channel words for the person, and the answer is still shown.
 */
public final class AutoEscalation {
  private static final Logger log = LoggerFactory.getLogger(AutoEscalation.class);

  private final Escalations escalations;

  public AutoEscalation(Escalations escalations) {
    this.escalations = Objects.requireNonNull(escalations, "escalations");
  }

  /** What filing did, in terms a channel can put into words. */
  public sealed interface Result permits NotNeeded, Sent, NoReviewers, Failed {}

  /** The answer settles the question (or refuses it): nothing to file. */
  public record NotNeeded() implements Result {}

  /**
   * The case is committed; {@code repeated} when this delivery had filed it before (a retry).
   * Either way the person may be told it was sent.
   */
  public record Sent(Case filed, boolean repeated) implements Result {}

  /** No reviewer is set up for the school, so nothing was filed. */
  public record NoReviewers(String school) implements Result {}

  /** Filing failed (the store is down); nothing may be said to have been sent. */
  public record Failed() implements Result {}

  /** Whether the engine decided this answer needs a person: escalated or safeguarding. */
  public static boolean escalates(Answer answer) {
    return answer instanceof Answer.Escalated || answer instanceof Answer.Safeguarding;
  }

  /**
   * Files {@code reply} with {@link Origin#ENGINE} when the engine escalated it; otherwise {@link
   * NotNeeded}.
   *
   * @param key the idempotency key, from the platform's delivery id (Slack message ts, the web
   *     chat's session and request id)
   */
  public Result fileIfEscalated(ChatService.Reply reply, Asker asker, String key) {
    if (!escalates(reply.answer())) {
      return new NotNeeded();
    }
    return file(reply, asker, Origin.ENGINE, key);
  }

  /**
   * Files {@code reply} for the head whatever the engine decided (a person asked for the head's
   * view): a grounded answer files as "asked for the head". A refusal has nothing to file.
   */
  public Result file(ChatService.Reply reply, Asker asker, Origin origin, String key) {
    if (reply.answer() instanceof Answer.Refused) {
      return new NotNeeded();
    }
    Filing filing;
    try {
      filing = escalations.file(CaseRequest.of(reply.answer(), asker, origin, key));
    } catch (RuntimeException e) {
      log.atError().setCause(e).addKeyValue("id", reply.id()).addKeyValue("origin", origin).log("could not file a case");
      return new Failed();
    }
    log.atInfo()
        .addKeyValue("id", reply.id())
        .addKeyValue("school", reply.answer().school())
        .addKeyValue("origin", origin)
        .addKeyValue("filing", filing.getClass().getSimpleName())
        .log("case filed");
    if (filing instanceof Filing.Created created) {
      return new Sent(created.filed(), false);
    }
    if (filing instanceof Filing.Repeated repeated) {
      return new Sent(repeated.filed(), true);
    }
    return new NoReviewers(((Filing.NoReviewers) filing).school());
  }
}
