package policybot.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import policybot.escalation.AuditEntry;
import policybot.escalation.Case;
import policybot.escalation.CaseStatus;
import policybot.escalation.Cases;
import policybot.escalation.Escalations;
import policybot.escalation.Overdue;
import policybot.escalation.PolicyHashes;
import policybot.escalation.PolicyVersion;
import policybot.escalation.Reviewers;
import policybot.escalation.Roster;
import policybot.escalation.Ruling;
import policybot.escalation.RulingStatus;
import policybot.escalation.StatusChange;

/**
 * What a signed-in reviewer may see and do, school by school. Who sees which case is decided by
 * {@link Cases#visibleTo} and {@link Cases#findVisibleTo} (safeguarding only to the DSL); every
 * change goes through {@link Escalations}, so the asker and other reviewers are told.
 */
final class Review {

  /** The actor's note when a case is dismissed from the web. */
  static final String DISMISS_NOTE = "dismissed on the web";

  private final Escalations escalations;
  private final Roster roster;
  private final Overdue overdue;
  private final PolicyHashes hashes;
  private final Clock clock;

  Review(Escalations escalations, Roster roster, Overdue overdue, PolicyHashes hashes, Clock clock) {
    this.escalations = Objects.requireNonNull(escalations, "escalations");
    this.roster = Objects.requireNonNull(roster, "roster");
    this.overdue = Objects.requireNonNull(overdue, "overdue");
    this.hashes = Objects.requireNonNull(hashes, "hashes");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A reviewer's queue: open cases past their deadline, other open cases, and answered ones. */
  record Queue(List<Case> overdue, List<Case> open, List<Case> answered) {}

  /** Schools where {@code user} is head, deputy or DSL. */
  List<Reviewers> schoolsOf(String user) {
    return roster.all().stream()
        .filter(r -> r.head().equals(user) || r.deputy().equals(user) || r.dsl().equals(user))
        .toList();
  }

  /** Schools whose policy questions {@code user} reviews (head or deputy): rulings and gaps. */
  List<Reviewers> questionSchoolsOf(String user) {
    return roster.all().stream().filter(r -> r.head().equals(user) || r.deputy().equals(user)).toList();
  }

  Queue queue(String user) {
    List<Case> late = new ArrayList<>();
    List<Case> open = new ArrayList<>();
    List<Case> answered = new ArrayList<>();
    for (Case k : escalations.cases().visibleTo(user, EnumSet.of(CaseStatus.OPEN, CaseStatus.ANSWERED), Cases.MAX_LIST)) {
      if (k.status() == CaseStatus.ANSWERED) {
        answered.add(k);
      } else if (isOverdue(k)) {
        late.add(k);
      } else {
        open.add(k);
      }
    }
    return new Queue(late, open, answered);
  }

  /** Every case {@code user} may see, in any status: for the CSV export. */
  List<Case> allVisible(String user) {
    return escalations.cases().visibleTo(user);
  }

  /** An open case is overdue once its reviewer's working-time deadline has passed. */
  boolean isOverdue(Case k) {
    return k.status().awaitsReviewer() && !clock.instant().isBefore(overdue.deadline(k.createdAt()));
  }

  Instant deadline(Case k) {
    return overdue.deadline(k.createdAt());
  }

  Optional<Case> find(String user, String id) {
    return escalations.cases().findVisibleTo(user, id);
  }

  List<AuditEntry> history(String user, String id) {
    return escalations.cases().history(user, id);
  }

  Escalations.Answered answer(String user, String id, String text, boolean publish) {
    // the web knows reviewers by id only; a ruling then names their role, which staff recognise
    Optional<String> role =
        find(user, id).flatMap(k -> roster.of(k.school())).map(r -> roleOf(r, user));
    return escalations.answer(id, user, role, text, publish);
  }

  /** How staff know {@code user} at a school: "the headteacher", "the deputy head", "the DSL". */
  static String roleOf(policybot.escalation.Reviewers r, String user) {
    if (r.head().equals(user)) {
      return "the headteacher";
    }
    if (r.deputy().equals(user)) {
      return "the deputy head";
    }
    return r.dsl().equals(user) ? "the designated safeguarding lead" : user;
  }

  /** Who "assign" hands {@code k} to: the deputy, or the head when the deputy is the one asking. */
  Optional<String> assignTarget(String user, Case k) {
    if (k.isSafeguarding() || k.status() != CaseStatus.OPEN) {
      return Optional.empty();
    }
    return roster
        .of(k.school())
        .map(r -> user.equals(r.deputy()) ? r.head() : r.deputy())
        .filter(to -> !to.equals(k.reviewer()));
  }

  StatusChange assign(String user, String id) {
    Optional<Case> k = find(user, id);
    if (k.isEmpty()) {
      return new StatusChange.NotFound(id);
    }
    Optional<String> to = assignTarget(user, k.get());
    if (to.isEmpty()) {
      return new StatusChange.NotAllowed(k.get(), CaseStatus.OPEN);
    }
    return escalations.assign(id, to.get(), user);
  }

  StatusChange dismiss(String user, String id) {
    return escalations.move(id, CaseStatus.DISMISSED, user, DISMISS_NOTE);
  }

  /** The rulings of {@code user}'s schools, by status. */
  Map<RulingStatus, List<Ruling>> rulings(String user) {
    Map<RulingStatus, List<Ruling>> out = new EnumMap<>(RulingStatus.class);
    for (RulingStatus s : List.of(RulingStatus.NEEDS_REAPPROVAL, RulingStatus.CURRENT, RulingStatus.WITHDRAWN)) {
      List<Ruling> list = new ArrayList<>();
      for (Reviewers r : questionSchoolsOf(user)) {
        list.addAll(escalations.rulings().inStatus(r.school(), s));
      }
      out.put(s, list);
    }
    return out;
  }

  /** A ruling if it belongs to one of {@code user}'s schools; otherwise it reads as not there. */
  Optional<Ruling> ruling(String user, String id) {
    Set<String> schools = new java.util.HashSet<>();
    questionSchoolsOf(user).forEach(r -> schools.add(r.school()));
    return escalations.rulings().find(id).filter(r -> schools.contains(r.school()));
  }

  Optional<Ruling> edit(String user, String id, String question, String answer) {
    return ruling(user, id).flatMap(r -> escalations.rulings().edit(id, question, answer, user));
  }

  Optional<Ruling> withdraw(String user, String id) {
    return ruling(user, id).flatMap(r -> escalations.rulings().withdraw(id, user));
  }

  /** Re-approves against the policies as they are now: the current hash of each policy it rests on. */
  Optional<Ruling> reapprove(String user, String id) {
    return ruling(user, id)
        .flatMap(
            r -> {
              Map<String, String> now = hashes.of(r.school());
              List<PolicyVersion> versions = new ArrayList<>();
              for (PolicyVersion v : r.restsOn()) {
                String hash = now.get(v.policy());
                if (hash != null) {
                  versions.add(new PolicyVersion(v.policy(), hash));
                }
              }
              return escalations.rulings().reapprove(id, user, versions);
            });
  }
}
