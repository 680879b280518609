package policybot.escalation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way every channel (Slack, web, API, the daily sweep) changes cases: each change is
 * committed through {@link Cases} first, then the registered {@link CaseEvents} are told, so a
 * reviewer is never notified of a case that is not stored.
 */
public final class Escalations {

  private static final Logger log = LoggerFactory.getLogger(Escalations.class);

  private final Cases cases;
  private final Rulings rulings;
  private final PolicyHashes hashes;
  private final List<CaseEvents> listeners = new CopyOnWriteArrayList<>();

  public Escalations(Cases cases, Rulings rulings, PolicyHashes hashes) {
    this.cases = Objects.requireNonNull(cases, "cases");
    this.rulings = Objects.requireNonNull(rulings, "rulings");
    this.hashes = Objects.requireNonNull(hashes, "hashes");
  }

  /** Adds a channel that delivers case news; channels register as they start. */
  public void listen(CaseEvents events) {
    listeners.add(Objects.requireNonNull(events, "events"));
  }

  public Cases cases() {
    return cases;
  }

  public Rulings rulings() {
    return rulings;
  }

  /** Files a case; a new one (not a retry) is announced to its reviewer. */
  public Filing file(CaseRequest request) {
    Filing filing = cases.file(request);
    if (filing instanceof Filing.Created created) {
      tell(e -> e.filed(created.filed()));
    }
    return filing;
  }

  /**
   * Records a reviewer's answer, delivers it to the asker and, if {@code publish}, makes it a
   * ruling resting on the current versions of the policies the case's clauses came from.
   */
  public Answered answer(String caseId, String reviewerId, String text, boolean publish) {
    return answer(caseId, reviewerId, Optional.empty(), text, publish);
  }

  /**
   * As {@link #answer(String, String, String, boolean)}, with the reviewer's name as staff know it
   * ({@code reviewerName}), which a published ruling shows when an answer cites it.
   */
  public Answered answer(
      String caseId, String reviewerId, Optional<String> reviewerName, String text, boolean publish) {
    StatusChange change = cases.answer(caseId, reviewerId, text);
    Optional<Ruling> ruling = Optional.empty();
    if (change instanceof StatusChange.Changed changed) {
      Case k = changed.updated();
      if (publish && !k.isSafeguarding()) {
        ruling =
            Optional.of(
                rulings.publish(
                    k.school(),
                    k.question(),
                    text,
                    reviewerId,
                    reviewerName,
                    restsOn(k),
                    Optional.of(k.id())));
      }
      tell(e -> e.answered(k, reviewerId));
    }
    return new Answered(change, ruling);
  }

  /** What answering did: the status change and, if published, the ruling. */
  public record Answered(StatusChange change, Optional<Ruling> ruling) {}

  /** Reassigns an open case to {@code to} and tells them. */
  public StatusChange assign(String caseId, String to, String actorId) {
    String from = cases.find(caseId).map(Case::reviewer).orElse("");
    StatusChange change = cases.assign(caseId, to, actorId);
    if (change instanceof StatusChange.Changed changed) {
      tell(e -> e.reassigned(changed.updated(), from, to));
    }
    return change;
  }

  /** Moves a case to another status (dismiss, close, reopen); no one is notified. */
  public StatusChange move(String caseId, CaseStatus to, String actorId, String note) {
    return cases.move(caseId, to, actorId, note);
  }

  /** Records the overdue reminders and hand-overs due now and delivers each. */
  public List<Nudge> sweepOverdue(Overdue rule) {
    List<Nudge> nudges = cases.sweepOverdue(rule);
    for (Nudge n : nudges) {
      tell(e -> e.nudged(n));
    }
    return nudges;
  }

  /** The policy versions a ruling on {@code k} rests on: those its clauses were quoted from. */
  List<PolicyVersion> restsOn(Case k) {
    Map<String, String> now = hashes.of(k.school());
    Set<String> policies = new LinkedHashSet<>();
    k.clauses().forEach(cl -> policies.add(cl.policy()));
    List<PolicyVersion> versions = new ArrayList<>();
    for (String p : policies) {
      String hash = now.get(p);
      if (hash != null) {
        versions.add(new PolicyVersion(p, hash));
      }
    }
    return versions;
  }

  private void tell(Consumer<CaseEvents> event) {
    for (CaseEvents e : listeners) {
      try {
        event.accept(e);
      } catch (RuntimeException ex) {
        // the change is committed; a channel's failure must not undo or hide it
        log.atWarn().setCause(ex).addKeyValue("listener", e.getClass().getSimpleName()).log("case event not delivered");
      }
    }
  }
}
